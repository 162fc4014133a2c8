import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXPORT_JSON_VERSION, progressJson, sessionsJson } from '../../../src-main/core/export/json'
import { buildProgressReport } from '../../../src-main/core/export/progress'
import { buildScorecard } from '../../../src-main/core/export/scorecard'
import { sampleSession } from './sessions'

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src-main/core/export/export.schema.json'), 'utf8'))
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)
const validate = ajv.compile(schema)

describe('JSON export', () => {
  it('writes a versioned document that validates against the checked-in schema and reads back equal', () => {
    const cards = [buildScorecard(sampleSession(), { drafts: true, answers: true })]
    const doc = JSON.parse(sessionsJson(cards, '1.2.3'))
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true)
    expect(doc).toMatchObject({ format: 'interview-drill-export', version: EXPORT_JSON_VERSION, kind: 'sessions', appVersion: '1.2.3' })
    expect(doc.asOf).toBe(cards[0].endedAt)
    expect(doc.sessions).toEqual(cards)
  })

  it('validates a progress report, and the schema rejects what it must', () => {
    const report = buildProgressReport([sampleSession('a'), sampleSession('b', '2026-04-01T00:00:00.000Z')], {
      from: '2026-01-01',
      to: null,
      lastN: null
    })
    const doc = JSON.parse(progressJson(report, '1.2.3'))
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true)
    expect(doc.progress).toEqual(report)
    expect(validate({ ...doc, version: 2 })).toBe(false)
    const bad = structuredClone(doc)
    bad.progress.weakest[0].lastRating = 7
    expect(validate(bad)).toBe(false)
  })

  it('gives the same bytes for the same data', () => {
    const a = sessionsJson([buildScorecard(sampleSession(), { drafts: false, answers: false })], 'x')
    const b = sessionsJson([buildScorecard(sampleSession(), { drafts: false, answers: false })], 'x')
    expect(a).toBe(b)
  })
})
