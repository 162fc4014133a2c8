import { readLines } from '../fs/lines'
import type { Pacer } from '../fs/pacer'
import { decodeRecord, encodeRecord } from '../fs/records'
import { INDEX_SCHEMA_VERSION } from './grade-state'
import { errorText, isMissing } from './problems'
import { SummaryList } from './summary-list'
import type { SessionSummary } from './types'

export type IndexRecord = { k: 'h'; v: number } | { k: 's'; s: SessionSummary } | { k: 'd'; id: string }

export const encodeIndexHeader = (): string => encodeRecord({ k: 'h', v: INDEX_SCHEMA_VERSION })
export const encodeSummaryLine = (s: SessionSummary): string => encodeRecord({ k: 's', s })
export const encodeDeletionLine = (id: string): string => encodeRecord({ k: 'd', id })

export type SummaryLoad =
  | { ok: true; list: SummaryList; tail: number }
  /** `missing`: no file; `outdated`: lines from before a field was added (rebuilt once); else damaged. */
  | { ok: false; missing?: boolean; outdated?: boolean; why?: string }

/**
 * Streams `index.jsonl` into the date-ordered list, in slices; from `after` (a list restored from
 * its snapshot, and where the snapshot ends) only the lines after it.
 */
export async function loadSummaryLog(file: string, pace: Pacer, after?: { list: SummaryList; bytes: number }): Promise<SummaryLoad> {
  const list = after?.list ?? new SummaryList()
  let first = !after
  let tail = 0
  try {
    for await (const line of readLines(file, after?.bytes ?? 0)) {
      const d = decodeRecord<IndexRecord>(line.text)
      if (!line.complete || !d.ok) return { ok: false, why: `damaged (line at byte ${line.offset}: ${d.ok ? 'cut short' : d.reason})` }
      const r = d.value
      if (first) {
        first = false
        if (r.k !== 'h') return { ok: false, why: 'damaged (no header)' }
        if (r.v > INDEX_SCHEMA_VERSION) return { ok: false, why: `written by a newer version of the app (format ${r.v})` }
      } else if (r.k === 's') {
        // #11: lines written before summaries carried difficulties: rebuilt once to add them.
        if (r.s.difficulties === undefined) return { ok: false, outdated: true }
        list.set(r.s)
        tail++
      } else if (r.k === 'd') list.delete(r.id)
      if (pace.due()) await pace.rest()
    }
  } catch (e) {
    if (isMissing(e)) return { ok: false, missing: true }
    return { ok: false, why: `unreadable (${errorText(e)})` }
  }
  return first ? { ok: false, why: 'damaged (empty)' } : { ok: true, list, tail }
}
