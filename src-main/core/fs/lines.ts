import { closeSync, createReadStream, openSync, readSync } from 'node:fs'
import type { Pacer } from './pacer'

export interface Line {
  text: string
  /** Byte offset of the line's first byte in the file. */
  offset: number
  /** False for a last line that has no newline (an append cut short). */
  complete: boolean
}

const NL = 0x0a

/**
 * Reads a file line by line from `start`, in chunks, never holding the whole file as one string:
 * the grade log at 100k sessions is larger than V8's longest string. Byte offsets are exact.
 */
export async function* readLines(file: string, start = 0, chunkBytes = 256 * 1024): AsyncGenerator<Line> {
  const stream = createReadStream(file, { start, highWaterMark: chunkBytes })
  // The start of a line that runs on into the next chunks, joined once its end is found.
  let carry: Buffer[] = []
  let carryAt = start
  let at = start
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0
    let nl = chunk.indexOf(NL)
    while (nl !== -1) {
      const piece = carry.length ? Buffer.concat([...carry, chunk.subarray(from, nl)]) : chunk.subarray(from, nl)
      yield { text: piece.toString('utf8'), offset: carry.length ? carryAt : at + from, complete: true }
      carry = []
      from = nl + 1
      nl = chunk.indexOf(NL, from)
    }
    if (from < chunk.length) {
      if (!carry.length) carryAt = at + from
      carry.push(chunk.subarray(from))
    }
    at += chunk.length
  }
  if (carry.length) yield { text: Buffer.concat(carry).toString('utf8'), offset: carryAt, complete: false }
}

/**
 * Reads the lines that start at the given byte offsets (each to its newline), in file order: the
 * drafts and notes that stay on disk, fetched only for the attempts shown. Plain positional reads
 * (the pages are in the OS cache after the first time), resting between slices.
 */
export async function readLinesAt(file: string, offsets: readonly number[], pace: Pacer): Promise<Map<number, string>> {
  const out = new Map<number, string>()
  if (!offsets.length) return out
  const fd = openSync(file, 'r')
  try {
    let buf = Buffer.alloc(2048)
    for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
      for (;;) {
        const got = readSync(fd, buf, 0, buf.length, offset)
        const nl = buf.subarray(0, got).indexOf(NL)
        if (nl !== -1 || got < buf.length) {
          out.set(offset, buf.toString('utf8', 0, nl === -1 ? got : nl))
          break
        }
        buf = Buffer.alloc(buf.length * 4)
      }
      if (pace.due()) await pace.rest()
    }
  } finally {
    closeSync(fd)
  }
  return out
}
