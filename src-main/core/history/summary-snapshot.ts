import { readLines, writeLinesAtomic } from '../fs/lines'
import type { Pacer } from '../fs/pacer'
import { decodeRecord, encodeRecord } from '../fs/records'
import { b64, CHUNK, decodeInto, type Coverage } from './snapshot-parts'
import { SUMMARY_COLUMNS, SummaryList, type SummaryColumns } from './summary-list'

const VERSION = 1
type ArrayName = `col.${keyof SummaryColumns}` | 'order' | `${'banks' | 'topics'}.${'data' | 'start' | 'length'}`
type NameList = 'ids' | 'banks' | 'topics'
type Line =
  | { k: 'h'; v: number; le: boolean; bytes: number; mark: string; slots: number; sizes: Record<ArrayName, number> }
  | { k: 'i'; name: NameList; items: string[] }
  | { k: 'c'; name: ArrayName; from: number; b64: string }
  | { k: 'e'; lines: number }
type Typed =
  | Uint8Array<ArrayBuffer>
  | Uint16Array<ArrayBuffer>
  | Uint32Array<ArrayBuffer>
  | Int16Array<ArrayBuffer>
  | Int32Array<ArrayBuffer>
  | Float64Array<ArrayBuffer>
type Ctor = { new (n: number): Typed; BYTES_PER_ELEMENT: number }

function arraysOf(list: SummaryList): Record<ArrayName, [Ctor, Typed, number]> {
  const slots = list.ids.length
  const out = {} as Record<ArrayName, [Ctor, Typed, number]>
  for (const [k, C] of Object.entries(SUMMARY_COLUMNS))
    out[`col.${k as keyof SummaryColumns}`] = [C, list.c[k as keyof SummaryColumns], slots]
  out.order = [Int32Array, list.slots(), list.size]
  for (const name of ['banks', 'topics'] as const) {
    const lc = list[name]
    out[`${name}.data`] = [Uint32Array, lc.data, lc.used]
    out[`${name}.start`] = [Uint32Array, lc.start, slots]
    out[`${name}.length`] = [Uint16Array, lc.length, slots]
  }
  return out
}

/**
 * The History list as a derived snapshot (`list.jsonl`, a few MB at 100k sessions) of the summary
 * columns up to a point of `index.jsonl`: the first page after a start reads it and the few lines
 * after that point, instead of parsing every summary line.
 */
export async function writeSummarySnapshot(file: string, list: SummaryList, cover: Coverage, pace: Pacer): Promise<void> {
  const arrays = arraysOf(list)
  async function* lines(): AsyncGenerator<string> {
    let count = 0
    const line = (l: Line): string => (count++, encodeRecord(l))
    const sizes = Object.fromEntries(Object.entries(arrays).map(([k, [, , n]]) => [k, n])) as Record<ArrayName, number>
    yield line({ k: 'h', v: VERSION, le: true, ...cover, slots: list.ids.length, sizes })
    const names: [NameList, string[]][] = [
      ['ids', list.ids],
      ['banks', list.banks.names.list],
      ['topics', list.topics.names.list]
    ]
    for (const [name, items] of names)
      for (let i = 0; i < items.length; i += CHUNK) yield line({ k: 'i', name, items: items.slice(i, i + CHUNK) })
    for (const [name, [C, arr, n]] of Object.entries(arrays) as [ArrayName, [Ctor, Typed, number]][]) {
      for (let from = 0; from < n; from += CHUNK) {
        yield line({ k: 'c', name, from, b64: b64(arr, from, Math.min(CHUNK, n - from), C.BYTES_PER_ELEMENT) })
        if (pace.due()) await pace.rest()
      }
    }
    yield line({ k: 'e', lines: count + 1 })
  }
  await writeLinesAtomic(file, lines())
}

export type SummarySnapshotRead = { ok: true; list: SummaryList; cover: Coverage } | { ok: false; missing: boolean; reason: string }

export async function readSummarySnapshot(file: string, pace: Pacer): Promise<SummarySnapshotRead> {
  const names: Record<NameList, string[]> = { ids: [], banks: [], topics: [] }
  const arrays = new Map<ArrayName, Typed>()
  const ctors = arraysOf(new SummaryList())
  let head: (Line & { k: 'h' }) | null = null
  let count = 0
  let ended = false
  try {
    for await (const { text, complete } of readLines(file)) {
      count++
      const d = decodeRecord<Line>(text)
      if (!complete || !d.ok) return { ok: false, missing: false, reason: `line ${count}: ${d.ok ? 'cut short' : d.reason}` }
      const l = d.value
      if (count === 1) {
        if (l.k !== 'h' || l.v !== VERSION || !l.le) return { ok: false, missing: l.k === 'h', reason: 'another version' }
        head = l
        for (const [name, n] of Object.entries(l.sizes) as [ArrayName, number][]) arrays.set(name, new ctors[name][0](n))
      } else if (l.k === 'i') names[l.name].push(...l.items)
      else if (l.k === 'c') decodeInto(l.b64, arrays.get(l.name)!, l.from)
      else if (l.k === 'e') ended = l.lines === count
      if (pace.due()) await pace.rest()
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true, reason: 'missing' }
    return { ok: false, missing: false, reason: (e as Error).message }
  }
  if (!head || !ended || names.ids.length !== head.slots) return { ok: false, missing: false, reason: 'incomplete' }
  const list = new SummaryList()
  const get = <T extends Typed>(name: ArrayName): T => arrays.get(name) as T
  const columns = Object.fromEntries(
    Object.keys(SUMMARY_COLUMNS).map((k) => [k, get(`col.${k as keyof SummaryColumns}`)])
  ) as unknown as SummaryColumns
  list.restore(names.ids, columns, get<Int32Array<ArrayBuffer>>('order'))
  for (const name of ['banks', 'topics'] as const) {
    list[name].restore(names[name], get(`${name}.data`), get(`${name}.start`), get(`${name}.length`))
  }
  return { ok: true, list, cover: { bytes: head.bytes, mark: head.mark } }
}
