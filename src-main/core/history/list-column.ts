import { Interner } from './interner'

/**
 * A list of names per slot (a session's banks or topics), stored as numbers in one growing array:
 * about 4 bytes a name, where a string per session took hundreds. A slot that changes gets a new
 * range; the old one is left behind (summaries rarely change once a round is over).
 */
export class ListColumn {
  names = new Interner()
  data = new Uint32Array(4096)
  used = 0
  start = new Uint32Array(1024)
  length = new Uint16Array(1024)

  set(slot: number, list: readonly string[]): void {
    if (slot >= this.start.length) this.growSlots(slot * 2 + 2)
    if (this.used + list.length > this.data.length) {
      const next = new Uint32Array(Math.max(this.data.length * 2, this.used + list.length))
      next.set(this.data.subarray(0, this.used))
      this.data = next
    }
    this.start[slot] = this.used
    this.length[slot] = list.length
    for (const name of list) this.data[this.used++] = this.names.ord(name)
  }

  get(slot: number): string[] {
    const out: string[] = []
    for (let i = this.start[slot], end = i + this.length[slot]; i < end; i++) out.push(this.names.get(this.data[i]))
    return out
  }

  /** A test for "has one of these names", with the names looked up once. */
  hasAny(wanted: readonly string[]): (slot: number) => boolean {
    const flags = new Uint8Array(this.names.size)
    for (const w of wanted) {
      const n = this.names.find(w)
      if (n !== undefined) flags[n] = 1
    }
    return (slot) => {
      for (let i = this.start[slot], end = i + this.length[slot]; i < end; i++) if (flags[this.data[i]]) return true
      return false
    }
  }

  /** Restores what a snapshot saved (`data` holds `used` numbers). */
  restore(names: string[], data: Uint32Array<ArrayBuffer>, start: Uint32Array<ArrayBuffer>, length: Uint16Array<ArrayBuffer>): void {
    this.names = Interner.from(names)
    this.data = data.length ? data : new Uint32Array(4096)
    this.used = data.length
    this.start = start
    this.length = length
  }

  private growSlots(n: number): void {
    const start = new Uint32Array(n)
    const length = new Uint16Array(n)
    start.set(this.start)
    length.set(this.length)
    this.start = start
    this.length = length
  }
}
