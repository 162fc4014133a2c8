import type { Scorecard } from './scorecard'

/**
 * CSV, one row per attempt (a question of a session), RFC 4180: fields separated by commas, lines
 * by CRLF, a field quoted when it holds a comma, a quote, CR or LF, quotes doubled. A text cell that
 * starts with = + - @ (or a tab or CR) gets a leading apostrophe so that spreadsheets show it as
 * text instead of running it as a formula.
 */
export const CSV_COLUMNS = [
  'session_id',
  'session_started_at',
  'session_status',
  'question_number',
  'question_id',
  'question',
  'bank',
  'topics',
  'difficulty',
  'rating',
  'rating_label',
  'key_points_hit',
  'key_points_total',
  'used_seconds',
  'limit_seconds',
  'overtime_seconds',
  'expired',
  'note',
  'draft'
] as const

const FORMULA_START = /^[=+\-@\t\r]/

/** One cell, neutralised and quoted as needed. Numbers are written as they are. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRows(card: Scorecard): (string | number | boolean | null)[][] {
  return card.questions.map((q) => [
    card.sessionId,
    card.startedAt,
    card.status,
    q.number,
    q.questionId,
    q.text,
    q.bank,
    q.topics.join('; '),
    q.difficulty,
    q.rating,
    q.ratingLabel,
    q.keyPointsHit.length,
    q.keyPointsHit.length + q.keyPointsMissed.length,
    Math.round(q.usedMs / 1000),
    Math.round(q.limitMs / 1000),
    Math.round(q.overtimeMs / 1000),
    q.expired,
    q.note,
    q.draft ?? null
  ])
}

export function toCsv(cards: Iterable<Scorecard>): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const card of cards) for (const row of csvRows(card)) lines.push(row.map(csvCell).join(','))
  return lines.join('\r\n') + '\r\n'
}
