/**
 * Checks bank files the way the app and the content tests do.
 *   npx tsx scripts/check-banks.ts              every bank in content/banks
 *   npx tsx scripts/check-banks.ts FILE.md ...  only problems in these files (cross-bank checks still see all banks)
 */
import { basename, join } from 'node:path'
import { loadBankLibrary } from '../src-main/core/bank/library'

const dir = join(import.meta.dirname, '..', 'content', 'banks')
const only = process.argv.slice(2).map((f) => basename(f))
const { banks, problems } = await loadBankLibrary(dir)
const shown = problems.filter((p) => only.length === 0 || only.includes(p.file))
for (const p of shown) console.log(`${p.file}:${p.line}: ${p.message}`)
for (const b of banks.filter((b) => only.length === 0 || only.includes(b.file))) {
  const by = (k: (q: (typeof b.questions)[number]) => string[]): string =>
    Object.entries(b.questions.flatMap(k).reduce<Record<string, number>>((acc, v) => ((acc[v] = (acc[v] ?? 0) + 1), acc), {}))
      .map(([k2, n]) => `${k2} ${n}`)
      .join(', ')
  console.log(`${b.file}: ${b.questions.length} questions; ${by((q) => [q.difficulty])}; topics: ${by((q) => q.topics)}`)
}
console.log(shown.length ? `${shown.length} problem(s)` : 'no problems')
process.exit(shown.length ? 1 : 0)
