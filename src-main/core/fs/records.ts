import { crc32 } from 'node:zlib'

/**
 * One record per line: `<crc32 hex>\t<json>\n`. The checksum catches a torn write (power loss in the
 * middle of an append) and bit rot; a line that fails it is never trusted.
 */
export function encodeRecord(value: unknown): string {
  const json = JSON.stringify(value)
  return `${crc32(json).toString(16).padStart(8, '0')}\t${json}\n`
}

export type DecodedLine<T> = { ok: true; value: T } | { ok: false; reason: string }

export function decodeRecord<T>(line: string): DecodedLine<T> {
  const tab = line.indexOf('\t')
  if (tab !== 8) return { ok: false, reason: 'malformed record' }
  const json = line.slice(9)
  if (parseInt(line.slice(0, 8), 16) !== crc32(json)) return { ok: false, reason: 'checksum mismatch' }
  try {
    return { ok: true, value: JSON.parse(json) as T }
  } catch {
    return { ok: false, reason: 'invalid JSON' }
  }
}

export interface DecodedFile<T> {
  records: T[]
  /** The 1-based line of the first bad record, if any. */
  badLine?: number
  reason?: string
  /** True when only the final line is bad and it lacks its newline: an append cut short. */
  tornTail: boolean
}

/** Decodes a whole records file, stopping at the first bad line. */
export function decodeRecords<T>(text: string): DecodedFile<T> {
  const lines = text.split('\n')
  const endsClean = text.endsWith('\n') || text.length === 0
  if (endsClean) lines.pop()
  const records: T[] = []
  for (let i = 0; i < lines.length; i++) {
    const decoded = decodeRecord<T>(lines[i])
    if (!decoded.ok) {
      const isLast = i === lines.length - 1
      return { records, badLine: i + 1, reason: decoded.reason, tornTail: isLast && !endsClean }
    }
    records.push(decoded.value)
  }
  return { records, tornTail: false }
}
