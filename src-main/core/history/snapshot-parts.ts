import { open } from 'node:fs/promises'
import { crc32 } from 'node:zlib'

/** Which prefix of a log a snapshot holds: its length and a checksum of its last bytes. */
export interface Coverage {
  bytes: number
  mark: string
}

/** Typed arrays go into snapshot lines as base64, this many elements a line. */
export const CHUNK = 1 << 14

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
