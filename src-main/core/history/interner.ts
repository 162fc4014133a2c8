/** Strings stored once and named by a small number: session, question and bank ids, topic sets. */
export class Interner {
  private readonly ords = new Map<string, number>()
  readonly list: string[] = []

  ord(s: string): number {
    let n = this.ords.get(s)
    if (n === undefined) {
      n = this.list.length
      this.list.push(s)
      this.ords.set(s, n)
    }
    return n
  }

  find(s: string): number | undefined {
    return this.ords.get(s)
  }

  get(n: number): string {
    return this.list[n]
  }

  get size(): number {
    return this.list.length
  }

  static from(list: readonly string[]): Interner {
    const i = new Interner()
    for (const s of list) i.ord(s)
    return i
  }
}
