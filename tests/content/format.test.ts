/**
 * Issue #13: the bundled banks in the extended format. These checks need the rewritten banks: they
 * fail on the banks from before #13 (no spoken answers, no follow-ups, 268 questions) and pass once
 * the content branches are merged. `npm run check:banks` prints the same failures with the figures.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkBank, nearDuplicates, type ContentProblem } from '../../src-main/core/bank/checks'
import { parseBank } from '../../src-main/core/bank/format'
import { TOPICS } from '../../src-main/core/bank/types'
import { loadBankLibrary } from '../../src-main/core/bank/library'
import { NEAR_DUPLICATE } from '../../src-main/core/bank/similarity'
import { legacyIds } from './legacy-ids'

const library = await loadBankLibrary(join(import.meta.dirname, '../../content/banks'))
const all = library.banks.flatMap((b) => b.questions)
const legacy = legacyIds()
const problems = library.banks.flatMap((b) => checkBank(b, { legacyIds: legacy }))
const listed = (rule: ContentProblem['rule']): string[] =>
  problems.filter((p) => p.rule === rule).map((p) => `${p.file}:${p.line}: ${p.message}`)

describe('the legacy id list', () => {
  it('holds the 268 ids the banks had before #13, unique and well formed', () => {
    expect(legacy.size).toBe(268)
    for (const id of legacy) expect(id).toMatch(/^(cf|co|fq|ki|net)-[a-z0-9-]+$/)
  })
})

describe('content/README.md', () => {
  const readme = readFileSync(join(import.meta.dirname, '../../content/README.md'), 'utf8')

  it('has a complete example that parses and meets every rule of the bundled banks', () => {
    const example = /^````markdown\n([\s\S]*?)^````$/m.exec(readme)![1]
    const bank = parseBank(example, 'example.md')
    expect(bank.questions[0].spoken).toBeTruthy()
    expect(bank.questions[0].followUps).toHaveLength(2)
    expect(checkBank(bank, { legacyIds: new Set() })).toEqual([])
  })

  it('describes every topic of the vocabulary', () => {
    for (const t of TOPICS) expect(readme, t).toContain(`| \`${t}\` |`)
  })
})

describe('#13 content (needs the rewritten banks merged): the bundled banks in the extended format', () => {
  it('hold at least 420 questions over at least 25 topics', () => {
    expect(all.length).toBeGreaterThanOrEqual(420)
    expect(new Set(all.flatMap((q) => q.topics)).size).toBeGreaterThanOrEqual(25)
  })

  it('name the Kubernetes version each bank is written against', () => {
    expect(listed('kubernetes')).toEqual([])
  })

  it('open every answer with a spoken answer of 60-120 words', () => {
    expect(listed('spoken')).toEqual([])
  })

  it('give medium and hard questions 1-3 follow-ups, each a question with a 20-80 word answer', () => {
    expect(listed('follow-ups')).toEqual([])
  })

  it('state behaviour in key points, not bare version numbers', () => {
    expect(listed('version-key-point')).toEqual([])
  })

  it('give every new original question at least one reference', () => {
    expect(listed('reference')).toEqual([])
  })

  it(`have no near-duplicate questions across banks (similarity below ${NEAR_DUPLICATE})`, () => {
    const pairs = nearDuplicates(library.banks).map((p) => `${p.similarity.toFixed(2)} ${p.a.id} ~ ${p.b.id} (${p.shared.join(', ')})`)
    expect(pairs).toEqual([])
  })
})
