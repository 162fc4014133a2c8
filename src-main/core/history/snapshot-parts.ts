import { open } from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import { writeLinesAtomic } from '../fs/durable'
import { readLines } from '../fs/lines'
import type { Pacer } from '../fs/pacer'
import { decodeRecord, encodeRecord } from '../fs/records'

/** Which prefix of a log a snapshot holds: its length and a checksum of its last bytes. */
export interface Coverage {
  bytes: number
  mark: string
}

/**
 * Typed arrays go into snapshot lines as base64, this many elements a line: a line is checked and
 * decoded in one step, so lines stay small (4k elements: at most 43 KB of text) and a load rests
 * between them often enough for the clock (16k-element lines made 8-10 ms steps). Readers take any
 * line length (`elementsIn`).
 */
export const CHUNK = 1 << 12

/** How many elements of `bytesPerElement` a base64 line holds (at most; padding rounds up). */
export const elementsIn = (text: string, bytesPerElement: number): number => Math.ceil(Math.floor((text.length * 3) / 4) / bytesPerElement)

export const b64 = (a: ArrayBufferView, from: number, count: number, bpe: number): string =>
  Buffer.from(a.buffer, a.byteOffset + from * bpe, count * bpe).toString('base64')

/** The checksum of the 256 bytes before `bytes` of a log: a rewritten log will not match. */
export async function coverageOf(file: string, bytes: number): Promise<Coverage> {
  const handle = await open(file, 'r')
  try {
    const from = Math.max(0, bytes - 256)
    const buf = Buffer.alloc(bytes - from)
    const { bytesRead } = await handle.read(buf, 0, buf.length, from)
    return { bytes, mark: crc32(buf.subarray(0, bytesRead)).toString(16) + `:${bytesRead}` }
  } finally {
    await handle.close()
  }
}

/** True when the log still starts with what the snapshot holds. */
export async function covers(file: string, cover: Coverage): Promise<boolean> {
  try {
    return (await coverageOf(file, cover.bytes)).mark === cover.mark
  } catch {
    return false
  }
}

/**
 * Decodes base64 straight into a typed array at element `from` (no temporary buffer: at 100k
 * sessions the temporaries alone kept ~150 MB of freed memory in the process). Returns elements written.
 */
export function decodeInto(text: string, into: ArrayBufferView & { BYTES_PER_ELEMENT: number }, from: number): number {
  const bpe = into.BYTES_PER_ELEMENT
  const start = into.byteOffset + from * bpe
  const room = into.byteLength - from * bpe
  if (room < 0 || Math.floor((text.length * 3) / 4) - 2 > room) throw new RangeError('a snapshot line does not fit its array')
  const written = Buffer.from(into.buffer, start, room).write(text, 'base64')
  if (written % bpe) throw new RangeError('a snapshot line is cut short')
  return written / bpe
}

/** The first line of every snapshot: its format and which prefix of its log it holds. */
export interface SnapshotHead extends Coverage {
  k: 'h'
  v: number
  /** Little-endian typed arrays (every platform the app runs on). */
  le: boolean
}

export type FrameRead<H> = { ok: true; head: H } | { ok: false; missing: boolean; reason: string }

/**
 * Reads a snapshot's lines (checksummed records): the head first, then each body line to `body`,
 * checking that the end line counts them all. Any damaged or missing line makes the whole file
 * unusable (it is derived); another version's snapshot counts as missing (remade quietly).
 */
export async function readFrame<H extends SnapshotHead, L extends { k: string }>(
  file: string,
  version: number,
  pace: Pacer,
  body: (line: L, head: H) => void
): Promise<FrameRead<H>> {
  let head: H | null = null
  let count = 0
  let ended = false
  try {
    for await (const { text, complete } of readLines(file)) {
      count++
      const d = decodeRecord<H | L | { k: 'e'; lines: number }>(text)
      if (!complete || !d.ok) return { ok: false, missing: false, reason: `line ${count}: ${d.ok ? 'cut short' : d.reason}` }
      const l = d.value
      if (count === 1) {
        const h = l as H
        if (h.k !== 'h' || h.v !== version || !h.le) return { ok: false, missing: h.k === 'h', reason: 'another version' }
        head = h
      } else if (l.k === 'e') ended = (l as { lines: number }).lines === count
      else body(l as L, head!)
      if (pace.due()) await pace.rest()
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true, reason: 'missing' }
    return { ok: false, missing: false, reason: (e as Error).message }
  }
  return head && ended ? { ok: true, head } : { ok: false, missing: false, reason: 'incomplete' }
}

/** Writes a snapshot: its head, the body lines, and an end line that counts them. */
export async function writeFrame(file: string, head: SnapshotHead & object, body: () => AsyncIterable<object>): Promise<void> {
  async function* lines(): AsyncGenerator<string> {
    yield encodeRecord(head)
    let count = 1
    for await (const l of body()) {
      count++
      yield encodeRecord(l)
    }
    yield encodeRecord({ k: 'e', lines: count + 1 })
  }
  await writeLinesAtomic(file, lines())
}
