import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BankCatalog } from '../../../src-main/core/bank/catalog'
import { parseBank } from '../../../src-main/core/bank/format'
import { exportAnki, exportBankMarkdown } from '../../../src-main/core/bank/export-bank'
import { importPaths, importText } from '../../../src-main/core/bank/import/index'

const FIX = join(import.meta.dirname, '../../fixtures')

describe('import → bank file → parse, and exports', () => {
  it('keeps every imported question and answer through a user bank file', async () => {
    const found = (await importPaths([join(FIX, 'import/realistic'), join(FIX, 'import/details.md'), join(FIX, 'import/anki.txt')])).found
    const answered = found.filter((q) => q.answer && !q.flags.includes('section-title'))
    expect(answered.length).toBeGreaterThan(50)
    const dir = mkdtempSync(join(tmpdir(), 'roundtrip-'))
    const c = await BankCatalog.open({ contentDir: join(FIX, 'banks'), userDir: dir })
    const bank = await c.createBank('Imported')
    const draft = (q: (typeof answered)[number]) => ({
      text: q.question,
      topics: ['imported'],
      difficulty: 'medium' as const,
      timeSec: 120,
      answer: q.answer,
      keyPoints: []
    })
    await c.addQuestions(
      bank.id,
      answered.map((q) => ({ draft: draft(q), source: `${q.file} :: ${q.line}` }))
    )
    const back = parseBank(readFileSync(join(dir, 'imported.md'), 'utf8'), 'imported.md', { user: true })
    expect(back.questions.map((q) => [q.text, q.answer])).toEqual(answered.map((q) => [q.question, q.answer]))
    await c.close()
  })

  it('exports Anki text that the importer reads back', async () => {
    const sample = parseBank(readFileSync(join(FIX, 'banks/sample.md'), 'utf8'), 'sample.md')
    const text = exportAnki(sample.questions)
    expect(text.split('\n').slice(0, 4)).toEqual(['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3'])
    const back = await importText(text, 'export.txt')
    expect(back.questions.map((q) => q.question)).toEqual(sample.questions.map((q) => q.text.replace(/`/g, '').replace(/\s+/g, ' ')))
    expect(back.questions[0].answer.length).toBeGreaterThan(20)
    const mdText = exportBankMarkdown({ id: 'copy', title: 'Copy', description: '' }, sample.questions)
    expect(parseBank(mdText, 'copy.md').questions).toHaveLength(sample.questions.length)
  })
})
