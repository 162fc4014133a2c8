import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../../../..')
const FIX = 'tests/fixtures/import'

describe('npm run import -- … --json', () => {
  it('prints questions, unanswered questions and skipped files, with paths as given, and writes nothing', () => {
    const before = readdirSync(join(ROOT, FIX)).sort()
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', `${FIX}/qa-lines.md`, `${FIX}/latin1.md`, '--json'],
      {
        cwd: ROOT,
        encoding: 'utf8'
      }
    )
    const report = JSON.parse(out)
    expect(Object.keys(report)).toEqual(['questions', 'unanswered', 'skipped'])
    expect(report.questions[0]).toEqual({
      question: 'What is a ReplicaSet?',
      answer: 'It keeps a stable number of Pod replicas running.',
      file: `${FIX}/qa-lines.md`,
      line: 3
    })
    expect(report.unanswered).toEqual([{ question: 'What is a CronJob?', file: `${FIX}/qa-lines.md`, line: 23 }])
    expect(report.skipped).toEqual([{ file: `${FIX}/latin1.md`, reason: 'not UTF-8 text (save it as UTF-8 and import again)' }])
    expect(readdirSync(join(ROOT, FIX)).sort()).toEqual(before)
  })
})
