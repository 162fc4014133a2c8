import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvCell, toCsv } from '../../../src-main/core/export/csv'
import { buildScorecard } from '../../../src-main/core/export/scorecard'
import { CYRILLIC_NOTE, Q1, Q2, sampleSession } from './sessions'

const card = (id = 's1', at?: string) => buildScorecard(sampleSession(id, at), { drafts: true, answers: false })

describe('CSV export', () => {
  it('parses back, with a real CSV parser, into one row per attempt equal to the data', () => {
    const text = toCsv([card('s1'), card('s2', '2026-03-02T10:00:00.000Z')])
    const rows = parse(text, { columns: true, relax_quotes: false, skip_empty_lines: false }) as Record<string, string>[]
    expect(rows).toHaveLength(6)
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS])
    expect(rows[0]).toEqual({
      session_id: 's1',
      session_started_at: '2026-03-01T09:00:00.000Z',
      session_status: 'finished',
      question_number: '1',
      question_id: Q1.questionId,
      question: Q1.text,
      bank: 'Networking',
      topics: 'linux-networking; services',
      difficulty: 'medium',
      rating: '4',
      rating_label: 'solid',
      key_points_hit: '2',
      key_points_total: '3',
      used_seconds: '65',
      limit_seconds: '120',
      overtime_seconds: '0',
      expired: 'false',
      note: CYRILLIC_NOTE,
      draft: 'conntrack keeps "NAT" state,\nper flow'
    })
    expect(rows[1]).toMatchObject({ bank: 'Internals, "quoted", with comma', rating: '2', overtime_seconds: '12', expired: 'true' })
    expect(rows[2]).toMatchObject({ question_id: 'dns-ndots', rating: '', rating_label: '', note: '' })
    expect(rows[3].session_id).toBe('s2')
  })

  it('uses CRLF line ends and quotes only the fields that need it (RFC 4180)', () => {
    const text = toCsv([card()])
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','))
    expect(text).toContain('"Internals, ""quoted"", with comma"')
    expect(text).toContain('"conntrack keeps ""NAT"" state,\nper flow"')
  })

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    for (const evil of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x")']) {
      const out = csvCell(evil)
      const back = (parse(out + '\r\n') as string[][])[0][0]
      expect(back).toBe(`'${evil}`)
    }
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell(-3)).toBe('-3')
    const rows = parse(toCsv([card()]), { columns: true }) as Record<string, string>[]
    expect(rows[1].question).toBe(`'${Q2.text}`)
    expect(rows[1].note).toBe("'-2+3 @sum =1")
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/)
  })
})
