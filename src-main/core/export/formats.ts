/**
 * Export requests → files. Each function reads what it needs through `read` (the history store's
 * reader: verify, migrate, replay), reports progress, honours cancellation, and returns the bytes
 * with a file name and type; where the bytes go (a save dialog, a download) is the shell's business.
 */
import type { RoundState } from '../session/types'
import { toCsv } from './csv'
import { ExportError, yieldNow, type Job } from './jobs'
import { progressJson, sessionsJson } from './json'
import { progressMarkdown, scorecardMarkdown } from './markdown'
import { progressPdf, scorecardPdf, scorecardsPdf } from './pdf'
import { buildProgressReport, type ProgressRange, type ReviewReadiness } from './progress'
import { buildScorecard, fileStamp, type Scorecard, type ScorecardOptions } from './scorecard'

export const EXPORT_FORMATS = ['pdf', 'markdown', 'csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportFile {
  fileName: string
  mime: string
  bytes: Uint8Array
}

const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  markdown: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json'
}
const EXT: Record<ExportFormat, string> = { pdf: 'pdf', markdown: 'md', csv: 'csv', json: 'json' }
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

function file(name: string, format: ExportFormat, bytes: Uint8Array): ExportFile {
  return { fileName: `${name}.${EXT[format]}`, mime: MIME[format], bytes }
}

async function cardsFile(cards: Scorecard[], name: string, format: ExportFormat, appVersion: string): Promise<ExportFile> {
  switch (format) {
    case 'csv':
      return file(name, format, utf8(toCsv(cards)))
    case 'json':
      return file(name, format, utf8(sessionsJson(cards, appVersion)))
    case 'markdown':
      return file(name, format, utf8(cards.map(scorecardMarkdown).join('\n---\n\n')))
    case 'pdf':
      return file(name, format, cards.length === 1 ? await scorecardPdf(cards[0]) : await scorecardsPdf(cards))
  }
}

export async function exportSession(
  state: RoundState,
  format: ExportFormat,
  opts: ScorecardOptions,
  appVersion: string
): Promise<ExportFile> {
  const card = buildScorecard(state, opts)
  return cardsFile([card], `interview-drill-${fileStamp(card.startedAt)}`, format, appVersion)
}

export interface ManyInput {
  ids: string[]
  read: (id: string) => Promise<RoundState>
  format: ExportFormat
  opts: ScorecardOptions
  appVersion: string
  job: Job
}

/** Several sessions (oldest first in the file); a session that cannot be read stops the export with its reason. */
export async function exportSessions(i: ManyInput): Promise<ExportFile> {
  if (!i.ids.length) throw new ExportError('invalid', 'There is no session to export.')
  if (i.format === 'pdf' && i.ids.length > 200)
    throw new ExportError('invalid', 'A PDF holds at most 200 sessions; use CSV or JSON for more.')
  const cards: Scorecard[] = []
  for (const [n, id] of i.ids.entries()) {
    i.job.check()
    cards.push(buildScorecard(await i.read(id), i.opts))
    i.job.progress(n + 1, i.ids.length, 'Reading sessions')
    if (n % 25 === 24) await yieldNow()
  }
  i.job.check()
  cards.sort((a, b) => a.startedAt.localeCompare(b.startedAt))
  i.job.progress(i.ids.length, i.ids.length, 'Writing the file')
  const out = await cardsFile(
    cards,
    `interview-drill-${cards.length}-sessions-${fileStamp(cards[cards.length - 1].startedAt)}`,
    i.format,
    i.appVersion
  )
  i.job.check()
  return out
}

export interface ProgressInput {
  ids: string[]
  read: (id: string) => Promise<RoundState>
  range: ProgressRange
  format: Exclude<ExportFormat, 'csv'>
  appVersion: string
  review: ReviewReadiness | null
  job: Job
}

export async function exportProgress(i: ProgressInput): Promise<ExportFile> {
  const states: RoundState[] = []
  for (const [n, id] of i.ids.entries()) {
    i.job.check()
    states.push(await i.read(id))
    i.job.progress(n + 1, i.ids.length, 'Reading sessions')
    if (n % 25 === 24) await yieldNow()
  }
  const report = buildProgressReport(states, i.range, i.review)
  i.job.check()
  const name = `interview-drill-progress-${report.lastAt ? fileStamp(report.lastAt) : 'empty'}`
  const bytes =
    i.format === 'pdf'
      ? await progressPdf(report)
      : utf8(i.format === 'json' ? progressJson(report, i.appVersion) : progressMarkdown(report))
  i.job.check()
  return file(name, i.format, bytes)
}
