import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { progressMarkdown, scorecardMarkdown } from '../../../src-main/core/export/markdown'
import { buildProgressReport } from '../../../src-main/core/export/progress'
import { buildScorecard } from '../../../src-main/core/export/scorecard'
import { CYRILLIC_NOTE, Q1, Q3, sampleSession, session } from './sessions'

const md = new MarkdownIt({ html: false })

describe('Markdown export', () => {
  it('renders as GitHub-style Markdown: a header table, topic table, advice, every question with its grade, time and key points', () => {
    const text = scorecardMarkdown(buildScorecard(sampleSession(), { drafts: true, answers: true }))
    expect(text).toMatch(/^# Interview Drill scorecard — 2026-03-01 09:00 UTC/)
    expect(text).toContain('| Overall | 3.00 of 5 (50%) |')
    expect(text).toContain('| etcd | 2.00 | 1 | 1:00 |')
    expect(text).toContain(`### 1. ${Q1.text}`)
    expect(text).toContain('- **Grade:** 4 — solid')
    expect(text).toContain('- **Time:** 1:00 of 1:00, 0:12 over')
    expect(text).toContain('  - [x] NAT state per flow')
    expect(text).toContain('  - [ ] Reply packets are un-NATed')
    expect(text).toContain(`> ${CYRILLIC_NOTE}`)
    expect(text).toContain(`### 3. ${Q3.text}`)
    expect(text).toContain('- **Grade:** not graded')
    // The bank title with a comma and quotes stays one table cell; the tables parse as tables.
    const html = md.render(text)
    expect((html.match(/<table>/g) ?? []).length).toBe(2)
    expect(html).toContain('<pre><code class="language-bash">conntrack -L | head')
  })

  it('keeps user text inert: HTML shown as text, a pipe cannot break a table, a draft cannot close its fence', () => {
    const s = session('x', '2026-03-01T09:00:00.000Z', [
      {
        q: { ...Q1, text: 'a | b' },
        usedMs: 1000,
        draft: '```\n<script>alert(1)</script>',
        grade: { rating: 3, keyPoints: [], note: '<img src=x onerror=alert(1)>' }
      }
    ])
    const html = md.render(scorecardMarkdown(buildScorecard(s, { drafts: true, answers: false })))
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;')
  })

  it('writes the progress report with mastery and the optional review slot', () => {
    const text = progressMarkdown(buildProgressReport([sampleSession()], { from: null, to: null, lastN: 5 }))
    expect(text).toMatch(/^# Interview Drill progress report — last 5 sessions/)
    expect(text).toContain('| linux-networking | 1 | 4.00 | 75% | – |')
    expect(text).toContain('Not available yet')
  })
})
