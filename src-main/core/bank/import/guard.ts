/** The limits a file must meet before the importer reads it. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024

export class RefusedFile extends Error {}

/**
 * Decodes a file's bytes as UTF-8 text, or throws RefusedFile with a reason a user understands:
 * too large, binary (NUL bytes or many control characters), or not UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1)
    throw new RefusedFile(`too large (${mb(bytes.byteLength)} MB; at most ${mb(MAX_IMPORT_BYTES)} MB)`)
  }
  const head = bytes.subarray(0, 8192)
  let control = 0
  for (const b of head) {
    if (b === 0) throw new RefusedFile('binary file (contains NUL bytes), not text')
    if (b < 9 || (b > 13 && b < 32)) control++
  }
  if (head.length > 0 && control / head.length > 0.1) throw new RefusedFile('binary file (mostly control characters), not text')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    throw new RefusedFile('not UTF-8 text (save it as UTF-8 and import again)')
  }
}
