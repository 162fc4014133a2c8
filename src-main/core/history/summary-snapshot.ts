import type { Pacer } from '../fs/pacer'
import { b64, CHUNK, decodeInto, readFrame, writeFrame, type Coverage, type SnapshotHead } from './snapshot-parts'
import { SUMMARY_COLUMNS, SummaryList, type SummaryColumns } from './summary-list'

const VERSION = 1
type ArrayName = `col.${keyof SummaryColumns}` | 'order' | `${'banks' | 'topics'}.${'data' | 'start' | 'length'}`
type NameList = 'ids' | 'banks' | 'topics'
type Head = SnapshotHead & { slots: number; sizes: Record<ArrayName, number> }
type Line = { k: 'i'; name: NameList; items: string[] } | { k: 'c'; name: ArrayName; from: number; b64: string }
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
  const sizes = Object.fromEntries(Object.entries(arrays).map(([k, [, , n]]) => [k, n])) as Record<ArrayName, number>
  const head: Head = { k: 'h', v: VERSION, le: true, ...cover, slots: list.ids.length, sizes }
  async function* body(): AsyncGenerator<Line> {
    const names: [NameList, string[]][] = [
      ['ids', list.ids],
      ['banks', list.banks.names.list],
      ['topics', list.topics.names.list]
    ]
    for (const [name, items] of names)
      for (let i = 0; i < items.length; i += CHUNK) yield { k: 'i', name, items: items.slice(i, i + CHUNK) }
    for (const [name, [C, arr, n]] of Object.entries(arrays) as [ArrayName, [Ctor, Typed, number]][]) {
      for (let from = 0; from < n; from += CHUNK) {
        yield { k: 'c', name, from, b64: b64(arr, from, Math.min(CHUNK, n - from), C.BYTES_PER_ELEMENT) }
        if (pace.due()) await pace.rest()
      }
    }
  }
  await writeFrame(file, head, body)
}

export type SummarySnapshotRead = { ok: true; list: SummaryList; cover: Coverage } | { ok: false; missing: boolean; reason: string }

export async function readSummarySnapshot(file: string, pace: Pacer): Promise<SummarySnapshotRead> {
  const names: Record<NameList, string[]> = { ids: [], banks: [], topics: [] }
  const arrays = new Map<ArrayName, Typed>()
  const ctors = arraysOf(new SummaryList())
  const read = await readFrame<Head, Line>(file, VERSION, pace, (l, head) => {
    if (!arrays.size) for (const [name, n] of Object.entries(head.sizes) as [ArrayName, number][]) arrays.set(name, new ctors[name][0](n))
    if (l.k === 'i') names[l.name].push(...l.items)
    else if (l.k === 'c') decodeInto(l.b64, arrays.get(l.name)!, l.from)
  })
  if (!read.ok) return read
  if (names.ids.length !== read.head.slots) return { ok: false, missing: false, reason: 'incomplete' }
  if (!arrays.size)
    for (const [name, n] of Object.entries(read.head.sizes) as [ArrayName, number][]) arrays.set(name, new ctors[name][0](n))
  const list = new SummaryList()
  const get = <T extends Typed>(name: ArrayName): T => arrays.get(name) as T
  const columns = Object.fromEntries(
    Object.keys(SUMMARY_COLUMNS).map((k) => [k, get(`col.${k as keyof SummaryColumns}`)])
  ) as unknown as SummaryColumns
  await list.restore(names.ids, columns, get<Int32Array<ArrayBuffer>>('order'), pace)
  for (const name of ['banks', 'topics'] as const) {
    list[name].restore(names[name], get(`${name}.data`), get(`${name}.start`), get(`${name}.length`))
  }
  return { ok: true, list, cover: { bytes: read.head.bytes, mark: read.head.mark } }
}
