/** Linked rows: each session's (or question's) rows in the order they were added, by number. */

export const grow = (a: Int32Array, n: number): Int32Array<ArrayBuffer> => {
  const out = new Int32Array(n)
  out.set(a)
  return out
}

/** The first and last row of each session (or question), by its number; -1 when none. */
export class Ends {
  private first = new Int32Array(0)
  private last = new Int32Array(0)

  head(n: number): number {
    return n < this.first.length ? this.first[n] : -1
  }

  /** Makes `row` the last of `n`; returns the row before it (-1 when it is the first). */
  append(n: number, row: number): number {
    if (n >= this.first.length) {
      const size = Math.max(1024, n * 2)
      this.first = grow(this.first, size).fill(-1, this.first.length)
      this.last = grow(this.last, size).fill(-1, this.last.length)
    }
    const before = this.last[n]
    if (before < 0) this.first[n] = row
    this.last[n] = row
    return before
  }

  clear(): void {
    this.first = new Int32Array(0)
    this.last = new Int32Array(0)
  }
}
