/**
 * Lists every explicit question of the seed documents, with the locator a bank question must name
 * in its `source` line (content/README.md, "Sources").
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const SEEDS_DIR = join(import.meta.dirname, '../fixtures/seeds')

export interface SeedQuestion {
  seed: string
  locator: string
  line: number
}

const seedFile = (prefix: string): string => readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix))!

export function seedQuestions(): SeedQuestion[] {
  const out: SeedQuestion[] = []
  const each = (prefix: string, fn: (line: string, i: number, lines: string[]) => string[] | string | null): void => {
    const seed = seedFile(prefix)
    const lines = readFileSync(join(SEEDS_DIR, seed), 'utf8').split(/\r?\n/)
    lines.forEach((line, i) => {
      const found = fn(line, i, lines)
      for (const locator of found === null ? [] : [found].flat()) out.push({ seed, locator, line: i + 1 })
    })
  }

  // 000: "### Q: <question>"
  each('000_', (line) => /^### Q:\s*(.+)$/.exec(line)?.[1].trim() ?? null)

  // 001: every numbered line (the numbering restarts and one line starts with ". ") but the set header.
  each('001_', (line) => {
    const m = /^\s*\d*\.\s+(.+)$/.exec(line)
    if (!m || /^Kubernetes Questions: Kubectl commands$/.test(m[1].trim())) return null
    return m[1].trim()
  })

  // 003: "### Question 501: ..."
  each('003_', (line) => {
    const m = /^### Question (\d+):/.exec(line)
    return m ? `Question ${m[1]}` : null
  })

  // 004: the deep questions "**Q1: ...**", the lab "Questions:" lists and the "Summary" lines and lists.
  each('004_', (line, i, lines) => {
    const deep = /^\*\*Q(\d+):/.exec(line)
    if (deep) return `Q${deep[1]}`
    const inline = /^\*\*\S*\s*Summary:\*\*\s*(.+)$/.exec(line)
    if (inline) return inline[1].trim()
    if (/^\*\*\S*\s*(Daily Summary|Questions):\*\*\s*$/.test(line)) {
      const items: string[] = []
      for (let j = i + 1; j < lines.length && /^(\d+\.|-)\s+/.test(lines[j]); j++) items.push(lines[j].replace(/^(\d+\.|-)\s+/, '').trim())
      return items
    }
    return null
  })
  return out
}
