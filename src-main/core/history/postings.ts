/**
 * The sessions one word occurs in, with how often: session numbers as rising deltas in varints
 * (1–2 bytes each: a common word is in most sessions, so the gaps are small) and a count byte each.
 * About 2.5 bytes an entry, where a Map of Maps took ~40. New sessions come last, so adding is an
 * append; the rare entry out of order (a note changed on a re-grade) re-encodes the word's list.
 * A count stops at 255 (BM25 has long stopped growing by then).
 */
export class Postings {
  bytes: Uint8Array<ArrayBuffer>
  freq: Uint8Array<ArrayBuffer>
  /** Entries, and bytes of `bytes` in use. */
  n = 0
  used = 0
  /** The last (largest) session number; -1 when empty. */
  last = -1

  constructor(capacity = 4) {
    this.bytes = new Uint8Array(capacity)
    this.freq = new Uint8Array(capacity)
  }

  /** Postings read back from a snapshot (arrays at their exact size, filled by the caller). */
  static sized(n: number, used: number, last: number): Postings {
    const p = new Postings(0)
    p.bytes = new Uint8Array(used)
    p.freq = new Uint8Array(n)
    Object.assign(p, { n, used, last })
    return p
  }

  add(doc: number, tf: number): void {
    if (doc === this.last) return void (this.freq[this.n - 1] = Math.min(0xff, this.freq[this.n - 1] + tf))
    if (doc > this.last) return this.append(doc, tf)
    const { docs, freq } = this.decode()
    let at = docs.findIndex((d) => d >= doc)
    if (docs[at] === doc) freq[at] = Math.min(0xff, freq[at] + tf)
    else {
      if (at < 0) at = docs.length
      docs.splice(at, 0, doc)
      freq.splice(at, 0, Math.min(0xff, tf))
    }
    this.encode(docs, freq)
  }

  /** Takes `tf` occurrences away; the entry goes when none is left. */
  remove(doc: number, tf: number): void {
    if (doc > this.last) return
    const { docs, freq } = this.decode()
    const at = docs.indexOf(doc)
    if (at < 0) return
    if (freq[at] > tf) freq[at] -= tf
    else {
      docs.splice(at, 1)
      freq.splice(at, 1)
    }
    this.encode(docs, freq)
  }

  /** Calls `fn` for each entry, in session order. */
  forEach(fn: (doc: number, tf: number) => void): void {
    const b = this.bytes
    let pos = 0
    let doc = 0
    for (let i = 0; i < this.n; i++) {
      let x = 0
      let scale = 1
      let byte: number
      do {
        byte = b[pos++]
        x += (byte & 0x7f) * scale
        scale *= 128
      } while (byte & 0x80)
      doc = i === 0 ? x : doc + x
      fn(doc, this.freq[i])
    }
  }

  private append(doc: number, tf: number): void {
    if (this.used + 5 > this.bytes.length) this.bytes = grow(this.bytes, Math.max(16, this.bytes.length * 2))
    if (this.n === this.freq.length) this.freq = grow(this.freq, Math.max(4, this.n * 2))
    let x = this.last < 0 ? doc : doc - this.last
    while (x >= 0x80) {
      this.bytes[this.used++] = (x & 0x7f) | 0x80
      x = Math.floor(x / 128)
    }
    this.bytes[this.used++] = x
    this.freq[this.n++] = Math.min(0xff, tf)
    this.last = doc
  }

  private decode(): { docs: number[]; freq: number[] } {
    const docs: number[] = []
    const freq: number[] = []
    this.forEach((d, f) => (docs.push(d), freq.push(f)))
    return { docs, freq }
  }

  private encode(docs: number[], freq: number[]): void {
    this.n = this.used = 0
    this.last = -1
    for (let i = 0; i < docs.length; i++) this.append(docs[i], freq[i])
  }
}

function grow(a: Uint8Array<ArrayBuffer>, n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n)
  out.set(a)
  return out
}
