import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { progressPdf, scorecardPdf } from '../../../src-main/core/export/pdf'
import { buildProgressReport } from '../../../src-main/core/export/progress'
import { buildScorecard } from '../../../src-main/core/export/scorecard'
import { CYRILLIC_NOTE, Q1, Q2, Q3, sampleSession, session } from './sessions'

const dir = mkdtempSync(join(tmpdir(), 'idrill-pdf-'))
function save(name: string, bytes: Uint8Array): string {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  return file
}
const text = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
const info = (file: string): Record<string, string> =>
  Object.fromEntries(
    execFileSync('pdfinfo', [file], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()])
  )

describe('PDF export', () => {
  it('is a real PDF with the question texts, grades, a non-Latin note, monospace code and page numbers', async () => {
    const card = buildScorecard(sampleSession(), { drafts: true, answers: true })
    const file = save('card.pdf', await scorecardPdf(card))
    const t = text(file)
    const flat = t.replace(/\s+/g, ' ')
    for (const q of [Q1, Q2, Q3]) expect(flat).toContain(q.text)
    expect(flat).toContain('4 — solid')
    expect(flat).toContain('2 — vague')
    expect(flat).toContain('not graded')
    expect(flat).toContain(CYRILLIC_NOTE)
    expect(flat).toContain('conntrack -L | head')
    expect(flat).toContain('Strengths')
    expect(flat).toContain('Work on next')
    const meta = info(file)
    const pages = Number(meta.Pages)
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(flat).toContain(`Page ${pages} of ${pages}`)
    expect(meta.Title).toBe('Interview Drill scorecard — 2026-03-01 09:00 UTC')
    expect(meta.CreationDate).toMatch(/Mar\s+1 09:00:00 2026/)
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    expect(fonts).toMatch(/DejaVuSans\b/)
    expect(fonts).toMatch(/DejaVuSansMono/)
  })

  it('gives the same bytes for the same session', async () => {
    const card = buildScorecard(sampleSession(), { drafts: false, answers: false })
    const a = await scorecardPdf(card)
    const b = await scorecardPdf(card)
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0)
  })

  it('draws the progress report with its chart, topics and weakest questions', async () => {
    const states = Array.from({ length: 12 }, (_, i) =>
      session(`p${i}`, new Date(Date.UTC(2026, 2, 1 + i, 9)).toISOString(), [
        { q: Q1, usedMs: 30_000, grade: { rating: (1 + (i % 5)) as 1 | 2 | 3 | 4 | 5, keyPoints: [], note: '' } },
        { q: Q2, usedMs: 30_000, grade: { rating: 2, keyPoints: [], note: '' } }
      ])
    )
    const file = save('progress.pdf', await progressPdf(buildProgressReport(states, { from: null, to: null, lastN: 12 })))
    const flat = text(file).replace(/\s+/g, ' ')
    expect(flat).toContain('Interview Drill progress report')
    expect(flat).toContain('Last 12 sessions')
    expect(flat).toContain('Topic mastery')
    expect(flat).toContain('Weakest questions')
    expect(flat).toContain(Q2.text)
    expect(flat).toContain('Not available yet')
    // The chart is vector text too: its axis shows the grade scale.
    expect(flat).toMatch(/grade/)
    expect(Number(info(file).Pages)).toBeGreaterThanOrEqual(1)
  })
})
