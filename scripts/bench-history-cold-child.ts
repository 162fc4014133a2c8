/**
 * The cold child of the history bench (issue #12): a fresh Node that measures the cold and clock rows
 * (scripts/bench-history-cold.ts, expiryRows of scripts/bench-history-clock.ts) on a history folder,
 * so that none of the bench's own heap counts, and prints them as one JSON line (scripts/bench-child.ts).
 * Run by scripts/bench-history-cold-run.ts as
 *   node --expose-gc --import tsx scripts/bench-history-cold-child.ts DATA_DIR ENGINE_DIR SESSIONS GROUP,GROUP,...
 */
import { join } from 'node:path'
import { loadBankLibrary } from '../src-main/core/bank/library'
import { encodeResult } from './bench-child'
import { expiryRows } from './bench-history-clock'
import { coldLoadRows, coldPageRow, coldSearchRow, openSessionRow, searchStallRow, type Scan } from './bench-history-cold'
import { COLD_NOTE, coldGroups, type ColdResult } from './bench-history-cold-run'
import { historyBench, type HistoryBench } from './bench-history-context'
import { searchTerms } from './bench-history-search'
import type { Row } from './bench-stats'

const [dataDir, engineDir, sessions, only] = process.argv.slice(2)
if (!engineDir || !(globalThis as { gc?: unknown }).gc) {
  console.error('usage: node --expose-gc --import tsx scripts/bench-history-cold-child.ts DATA_DIR ENGINE_DIR SESSIONS [GROUPS]')
  process.exit(2)
}
const CONTENT = join(import.meta.dirname, '..', 'content', 'banks')
const { banks } = await loadBankLibrary(CONTENT)
// The open-session row lists the session files itself; the other rows read no session by id.
const ctx = historyBench({ dataDir, banks, sessionIds: [], sessions: Number(sessions), engineDir })

const scans: Record<string, Scan> = {}
const terms = searchTerms(banks)
const run: Record<string, (c: HistoryBench) => Promise<void>> = {
  load: coldLoadRows,
  page: coldPageRow,
  searchStall: searchStallRow,
  open: openSessionRow,
  expiry: expiryRows,
  ...Object.fromEntries(
    terms.map(([what, text], i) => [
      `search:${i}`,
      async (c: HistoryBench) => {
        const s = await coldSearchRow(c, what, text)
        if (s) scans[text] = s
      }
    ])
  )
}
const groups: Record<string, Row[]> = {}
for (const g of coldGroups(banks)) {
  if (only && !only.split(',').includes(g.key)) continue
  const from = ctx.rows.length
  await run[g.key](ctx)
  groups[g.key] = ctx.rows.slice(from).map((r) => ({ ...r, note: [r.note, COLD_NOTE].filter(Boolean).join('; ') }))
}
const result: ColdResult = { groups, scans }
console.log(encodeResult(result))
process.exit(0) // the round engine's folder and any timers left must not keep the child alive
