import type { Pacer } from '../fs/pacer'
import { GRADE_COLUMNS, GRADE_LISTS, GradeTable, type GradeColumnName, type GradeColumns, type GradeListName } from './grade-table'
import { Postings } from './postings'
import { b64, CHUNK, decodeInto, elementsIn, readFrame, writeFrame, type Coverage, type SnapshotHead } from './snapshot-parts'
import { WordIndex } from './word-index'

export { coverageOf, type Coverage } from './snapshot-parts'

export const SNAPSHOT_VERSION = 5

type ColumnName = GradeColumnName | 'live' | 'lengths'
type Head = SnapshotHead & { rows: number; total: number; documents: number }
type Line =
  | { k: 'i'; name: GradeListName; items: string[] }
  | { k: 'c'; name: ColumnName; from: number; b64: string }
  | { k: 'w'; t: string; n: number; used: number; last: number }
  | { k: 'b' | 'f'; from: number; b64: string }

/**
 * Saves the grade table and the word index as one derived file (`search.jsonl`): checksummed
 * lines of base64 columns and postings, written piece by piece and renamed into place at the end.
 */
export async function writeSnapshot(file: string, table: GradeTable, index: WordIndex, cover: Coverage, pace: Pacer): Promise<void> {
  const head: Head = {
    k: 'h',
    v: SNAPSHOT_VERSION,
    le: true,
    ...cover,
    rows: table.rows,
    total: index.totalLength,
    documents: index.documents
  }
  async function* body(): AsyncGenerator<Line> {
    for (const name of GRADE_LISTS)
      for (let i = 0; i < table[name].size || i === 0; i += CHUNK) yield { k: 'i', name, items: table[name].list.slice(i, i + CHUNK) }
    const columns: [ColumnName, ArrayBufferView & { BYTES_PER_ELEMENT: number }, number][] = [
      ...(Object.keys(GRADE_COLUMNS) as GradeColumnName[]).map(
        (k): [ColumnName, ArrayBufferView & { BYTES_PER_ELEMENT: number }, number] => [k, table.cols[k], table.rows]
      ),
      ['live', table.live, table.sessions.size],
      ['lengths', index.lengths, index.lengths.length]
    ]
    for (const [name, arr, n] of columns) {
      for (let from = 0; from < n; from += CHUNK) {
        yield { k: 'c', name, from, b64: b64(arr, from, Math.min(CHUNK, n - from), arr.BYTES_PER_ELEMENT) }
        if (pace.due()) await pace.rest()
      }
    }
    for (const [t, p] of index.terms) {
      // A word's head line, then its bytes and counts in parts, so that no line takes long to read.
      yield { k: 'w', t, n: p.n, used: p.used, last: p.last }
      for (const [part, arr, size] of [['b', p.bytes, p.used] as const, ['f', p.freq, p.n] as const])
        for (let from = 0; from < size; from += CHUNK) {
          yield { k: part, from, b64: b64(arr, from, Math.min(CHUNK, size - from), 1) }
          if (pace.due()) await pace.rest()
        }
    }
  }
  await writeFrame(file, head, body)
}

export type SnapshotRead =
  { ok: true; table: GradeTable; index: WordIndex; cover: Coverage } | { ok: false; missing: boolean; reason: string }

/** Reads the search snapshot, decoding each line straight into the arrays it belongs to. */
export async function readSnapshot(file: string, pace: Pacer): Promise<SnapshotRead> {
  const table = new GradeTable()
  const index = new WordIndex()
  let started = false
  let word: Postings | null = null
  // Each column is made when its first line comes: one 110 MB allocation at 100k sessions was one long task.
  let capacity = 0
  const cols: Partial<GradeColumns> = {}
  const column = <K extends GradeColumnName>(name: K): GradeColumns[K] =>
    (cols[name] ??= new GRADE_COLUMNS[name](capacity) as GradeColumns[K]) as GradeColumns[K]
  const read = await readFrame<Head, Line>(file, SNAPSHOT_VERSION, pace, (l, head) => {
    if (!started) {
      started = true
      capacity = head.rows + GradeTable.headroom(head.rows)
      index.totalLength = head.total
      index.documents = head.documents
    }
    if (l.k === 'i')
      for (const item of l.items) table[l.name].ord(item) // named line by line, not in one go at the end
    else if (l.k === 'c') {
      if (l.name === 'live') {
        table.live = grow(table.live, l.from + elementsIn(l.b64, 1))
        decodeInto(l.b64, table.live, l.from)
      } else if (l.name === 'lengths') {
        index.lengths = grow(index.lengths, l.from + elementsIn(l.b64, 4))
        decodeInto(l.b64, index.lengths, l.from)
      } else decodeInto(l.b64, column(l.name), l.from)
    } else if (l.k === 'w') word = index.postings(l.t, Postings.sized(l.n, l.used, l.last))
    else if (l.k === 'b' || l.k === 'f') decodeInto(l.b64, l.k === 'b' ? word!.bytes : word!.freq, l.from)
  })
  if (!read.ok) return read
  if (!started) capacity = 1024
  for (const name of Object.keys(GRADE_COLUMNS) as GradeColumnName[]) column(name)
  table.restore(cols as GradeColumns, read.head.rows, table.live)
  if (table.live.length < table.sessions.size) table.live = grow(table.live, table.sessions.size)
  await table.relink(() => (pace.due() ? pace.rest() : Promise.resolve()))
  return { ok: true, table, index, cover: { bytes: read.head.bytes, mark: read.head.mark } }
}

function grow<T extends Uint8Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(arr: T, size: number): T {
  if (arr.length >= size) return arr
  const out = new (arr.constructor as new (n: number) => T)(Math.max(size, arr.length * 2, 1024))
  out.set(arr)
  return out
}
