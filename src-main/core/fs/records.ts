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
  /** Every record that decodes, before and after any damaged line. */
  records: T[]
  /** The 1-based line of the first bad record, if any. */
  badLine?: number
  reason?: string
  /** How many lines were bad. */
  badLines: number
  /** True when only the final line is bad and it lacks its newline: an append cut short. */
  tornTail: boolean
}

/** Decodes a whole records file, keeping every valid record around a damaged line. */
export function decodeRecords<T>(text: string): DecodedFile<T> {
  const lines = text.split('\n')
  const endsClean = text.endsWith('\n') || text.length === 0
  if (endsClean) lines.pop()
  const out: DecodedFile<T> = { records: [], badLines: 0, tornTail: false }
  for (let i = 0; i < lines.length; i++) {
    const decoded = decodeRecord<T>(lines[i])
    if (decoded.ok) {
      out.records.push(decoded.value)
      continue
    }
    if (out.badLines++ === 0) {
      out.badLine = i + 1
      out.reason = decoded.reason
    }
    if (i === lines.length - 1 && !endsClean && out.badLines === 1) out.tornTail = true
  }
  return out
}
