/**
 * The sessions one word occurs in, with how often: two typed arrays kept sorted by session number,
 * 5 bytes an entry (a Map of Maps took ~40); a count stops at 255 (BM25 has long stopped growing by then).
 */
export class Postings {
  docs: Uint32Array
  freq: Uint8Array
  n = 0

  constructor(capacity = 4) {
    this.docs = new Uint32Array(capacity)
    this.freq = new Uint8Array(capacity)
  }

  static from(docs: Uint32Array, freq: Uint8Array): Postings {
    const p = new Postings(0)
    p.docs = docs
    p.freq = freq
    p.n = docs.length
    return p
  }

  /** Appends entries that come after every entry (a snapshot read in parts). */
  extend(docs: Uint32Array, freq: Uint8Array): void {
    if (this.n + docs.length > this.docs.length) this.resize(this.n + docs.length)
    this.docs.set(docs, this.n)
    this.freq.set(freq, this.n)
    this.n += docs.length
  }

  add(doc: number, tf: number): void {
    const { n } = this
    if (n > 0 && this.docs[n - 1] === doc) return void (this.freq[n - 1] = Math.min(0xff, this.freq[n - 1] + tf))
    const at = n === 0 || this.docs[n - 1] < doc ? n : this.search(doc)
    if (at < n && this.docs[at] === doc) return void (this.freq[at] = Math.min(0xff, this.freq[at] + tf))
    if (n === this.docs.length) this.resize(Math.max(4, n * 2))
    if (at < n) {
      this.docs.copyWithin(at + 1, at, n)
      this.freq.copyWithin(at + 1, at, n)
    }
    this.docs[at] = doc
    this.freq[at] = Math.min(0xff, tf)
    this.n++
  }

  /** Takes `tf` occurrences away; the entry goes when none is left. */
  remove(doc: number, tf: number): void {
    const at = this.search(doc)
    if (at >= this.n || this.docs[at] !== doc) return
    if (this.freq[at] > tf) return void (this.freq[at] -= tf)
    this.docs.copyWithin(at, at + 1, this.n)
    this.freq.copyWithin(at, at + 1, this.n)
    this.n--
  }

  /** The exact-size arrays (for the snapshot). */
  trimmed(): { docs: Uint32Array; freq: Uint8Array } {
    return { docs: this.docs.subarray(0, this.n), freq: this.freq.subarray(0, this.n) }
  }

  private search(doc: number): number {
    let lo = 0
    let hi = this.n
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.docs[mid] < doc) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private resize(capacity: number): void {
    const docs = new Uint32Array(capacity)
    const freq = new Uint8Array(capacity)
    docs.set(this.docs.subarray(0, this.n))
    freq.set(this.freq.subarray(0, this.n))
    this.docs = docs
    this.freq = freq
  }
}
