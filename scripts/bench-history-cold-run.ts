/**
 * The parent's side of the cold child (issue #12): which groups of cold rows the child measures,
 * running it with a time limit scaled by the history's size, and failed rows (with the child's
 * error) in place of every group when it fails or overruns, so the bench goes on.
 */
import { join } from 'node:path'
import type { Bank } from '../src-main/core/bank/types'
import { runChild } from './bench-child'
import type { Scan } from './bench-history-cold'
import { searchTerms } from './bench-history-search'
import { failedRow, progress, type Row } from './bench-stats'

export const COLD_NOTE = 'measured in a fresh child process'

/** A group of rows the child measures: its key, and the name and goal of its row when it cannot be measured. */
export interface ColdGroup {
  key: string
  failName: string
  goal: string
}

export function coldGroups(banks: Bank[]): ColdGroup[] {
  return [
    { key: 'load', failName: 'cold load of the derived indexes', goal: '< 2 s' },
    { key: 'page', failName: 'first History page, cold', goal: '< 2 s (a cold load)' },
    ...searchTerms(banks).map(([what, text], i) => ({ key: `search:${i}`, failName: `text search "${text}" (${what}), cold`, goal: '' })),
    { key: 'searchStall', failName: 'longest event-loop stall during a search', goal: 'max < 50 ms' },
    { key: 'open', failName: 'open one session', goal: '< 100 ms' },
    { key: 'expiry', failName: 'expiry lateness during a cold history load', goal: 'p99 ≤ 2× baseline' }
  ]
}

/** What the child prints: the rows of each group it ran, and the grade-log scans (the warm search rows' baselines). */
export interface ColdResult {
  groups: Record<string, Row[]>
  scans: Record<string, Scan>
}

export interface ColdInput {
  dataDir: string
  engineDir: string
  sessions: number
  banks: Bank[]
  /** Only these groups (default: all). */
  only?: string[]
  /** Default: 5 minutes, or 10 ms a session when more. */
  timeoutMs?: number
}

/** Runs scripts/bench-history-cold-child.ts; never throws: a failed child gives failed rows. */
export async function runCold(input: ColdInput): Promise<ColdResult> {
  const groups = coldGroups(input.banks).filter((g) => !input.only || input.only.includes(g.key))
  const timeoutMs = input.timeoutMs ?? Math.max(300_000, 10 * input.sessions)
  const script = join(import.meta.dirname, 'bench-history-cold-child.ts')
  const args = [input.dataDir, input.engineDir, String(input.sessions), groups.map((g) => g.key).join(',')]
  progress(`history: cold rows in a fresh child process (time limit ${Math.round(timeoutMs / 1000)} s)`)
  try {
    const r = await runChild<ColdResult>(script, args, timeoutMs)
    for (const g of groups) r.groups[g.key] ??= [failedRow(g.failName, g.goal, 'the child process gave no rows for it')]
    return r
  } catch (e) {
    progress(`  cold child failed: ${e instanceof Error ? e.message : String(e)}`)
    const error = `cold child process: ${e instanceof Error ? e.message : String(e)}`
    return { groups: Object.fromEntries(groups.map((g) => [g.key, [failedRow(g.failName, g.goal, error)]])), scans: {} }
  }
}
