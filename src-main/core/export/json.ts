import type { ProgressReport } from './progress'
import type { Scorecard } from './scorecard'

/**
 * The JSON export: a versioned envelope around scorecards or a progress report. The shape is
 * described by `export.schema.json` next to this file (documented in docs/export.md); a change to
 * the shape bumps EXPORT_JSON_VERSION and the schema together.
 */
export const EXPORT_JSON_FORMAT = 'interview-drill-export'
export const EXPORT_JSON_VERSION = 1

export type ExportDocument =
  | { format: typeof EXPORT_JSON_FORMAT; version: number; kind: 'sessions'; appVersion: string; asOf: string | null; sessions: Scorecard[] }
  | {
      format: typeof EXPORT_JSON_FORMAT
      version: number
      kind: 'progress'
      appVersion: string
      asOf: string | null
      progress: ProgressReport
    }

/** The newest moment the data describes; used instead of "now" so the same data gives the same bytes. */
export function asOfSessions(cards: Scorecard[]): string | null {
  let newest: string | null = null
  for (const c of cards) {
    const t = c.endedAt ?? c.startedAt
    if (newest === null || t > newest) newest = t
  }
  return newest
}

export function sessionsJson(cards: Scorecard[], appVersion: string): string {
  const doc: ExportDocument = {
    format: EXPORT_JSON_FORMAT,
    version: EXPORT_JSON_VERSION,
    kind: 'sessions',
    appVersion,
    asOf: asOfSessions(cards),
    sessions: cards
  }
  return JSON.stringify(doc, null, 2) + '\n'
}

export function progressJson(report: ProgressReport, appVersion: string): string {
  const doc: ExportDocument = {
    format: EXPORT_JSON_FORMAT,
    version: EXPORT_JSON_VERSION,
    kind: 'progress',
    appVersion,
    asOf: report.lastAt,
    progress: report
  }
  return JSON.stringify(doc, null, 2) + '\n'
}
