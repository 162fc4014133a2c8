/**
 * Checks bank files the way the app and the content tests do, and prints the figures (issue #13).
 *   npm run check:banks                         every bank in content/banks
 *   npm run check:banks -- FILE.md ...          only problems in these files (cross-bank checks still see all banks)
 *   npm run check:banks -- --dir DIR            the banks of another folder
 * Prints per bank / topic / difficulty counts, spoken-answer word statistics, follow-up counts, the
 * most similar question pairs across banks, and every failure; exits 1 when anything fails.
 */
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { checkBank, nearDuplicates, wordCount, SPOKEN_WORDS } from '../src-main/core/bank/checks'
import { loadBankLibrary } from '../src-main/core/bank/library'
import { NEAR_DUPLICATE, similarPairs } from '../src-main/core/bank/similarity'
import { DIFFICULTIES, TOPICS, type Question } from '../src-main/core/bank/types'
import { legacyIds } from '../tests/content/legacy-ids'

const MIN_QUESTIONS = 420
const MIN_TOPICS = 25
const TOP_PAIRS = 20

const { values, positionals } = parseArgs({ options: { dir: { type: 'string' } }, allowPositionals: true })
const dir = values.dir ?? join(import.meta.dirname, '..', 'content', 'banks')
const only = positionals.map((f) => basename(f))
const mine = (file: string): boolean => only.length === 0 || only.includes(file)
const { banks, problems } = await loadBankLibrary(dir)
const all = banks.flatMap((b) => b.questions)
const failures: string[] = problems.filter((p) => mine(p.file)).map((p) => `${p.file}:${p.line}: ${p.message}`)

const count = <T extends string>(items: T[]): Map<T, number> => items.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<T, number>())
const pad = (s: string | number, n: number): string => String(s).padEnd(n)
const lpad = (s: string | number, n: number): string => String(s).padStart(n)

console.log('== Banks')
console.log(
  `${pad('file', 28)}${pad('k8s', 6)}${lpad('questions', 10)}${DIFFICULTIES.map((d) => lpad(d, 8)).join('')}${lpad('follow-ups', 12)}`
)
for (const b of banks) {
  const diffs = count(b.questions.map((q) => q.difficulty))
  console.log(
    `${pad(b.file, 28)}${pad(b.kubernetes ?? '-', 6)}${lpad(b.questions.length, 10)}${DIFFICULTIES.map((d) => lpad(diffs.get(d) ?? 0, 8)).join('')}${lpad(b.followUpQuestions?.length ?? 0, 12)}`
  )
}
const totalDiffs = count(all.map((q) => q.difficulty))
console.log(
  `${pad('all', 34)}${lpad(all.length, 10)}${DIFFICULTIES.map((d) => lpad(totalDiffs.get(d) ?? 0, 8)).join('')}${lpad(
    banks.reduce((n, b) => n + (b.followUpQuestions?.length ?? 0), 0),
    12
  )}`
)

console.log('\n== Topics (questions per topic and difficulty; a question counts once per topic)')
const used = new Set(all.flatMap((q) => q.topics))
for (const t of TOPICS) {
  const qs = all.filter((q) => q.topics.includes(t))
  const diffs = count(qs.map((q) => q.difficulty))
  console.log(`${pad(t, 20)}${lpad(qs.length, 5)}   ${DIFFICULTIES.map((d) => `${d} ${diffs.get(d) ?? 0}`).join(', ')}`)
}
console.log(`${used.size} of ${TOPICS.length} topics used`)

console.log('\n== Spoken answers (words)')
const spoken = all.filter((q) => q.spoken).map((q) => wordCount(q.spoken!))
spoken.sort((a, b) => a - b)
if (spoken.length) {
  const at = (p: number): number => spoken[Math.min(spoken.length - 1, Math.floor(p * spoken.length))]
  const out = spoken.filter((n) => n < SPOKEN_WORDS.min || n > SPOKEN_WORDS.max).length
  console.log(
    `${spoken.length} of ${all.length} questions have one; min ${spoken[0]}, p10 ${at(0.1)}, median ${at(0.5)}, p90 ${at(0.9)}, max ${spoken.at(-1)}; ${out} outside ${SPOKEN_WORDS.min}-${SPOKEN_WORDS.max}`
  )
} else console.log(`none of ${all.length} questions has one`)

console.log('\n== Follow-ups (questions by number of follow-ups)')
for (const d of DIFFICULTIES) {
  const qs = all.filter((q) => q.difficulty === d)
  const byN = count(qs.map((q) => String(q.followUps?.length ?? 0)))
  console.log(
    `${pad(d, 8)}${[...byN]
      .sort()
      .map(([n, c]) => `${n}: ${c}`)
      .join(', ')}`
  )
}

console.log(`\n== Most similar questions across banks (TF-IDF cosine; near-duplicate at >= ${NEAR_DUPLICATE})`)
const pairs = similarPairs(
  all,
  (q: Question) => q,
  (q) => q.bankId
)
for (const p of pairs.slice(0, TOP_PAIRS)) {
  console.log(`${p.similarity >= NEAR_DUPLICATE ? '!!' : '  '} ${p.similarity.toFixed(2)}  ${p.a.id} ~ ${p.b.id}  (${p.shared.join(', ')})`)
}

const fileOf = new Map(banks.map((b) => [b.id, b.file]))
for (const p of nearDuplicates(banks)) {
  if (!mine(fileOf.get(p.a.bankId)!) && !mine(fileOf.get(p.b.bankId)!)) continue
  failures.push(
    `${fileOf.get(p.a.bankId)}:${p.a.line}: [near-duplicate] ${p.a.id} is a near-duplicate of ${p.b.id} in ${fileOf.get(p.b.bankId)}:${p.b.line} (similarity ${p.similarity.toFixed(2)})`
  )
}
const legacy = legacyIds()
for (const b of banks)
  for (const p of checkBank(b, { legacyIds: legacy })) if (mine(p.file)) failures.push(`${p.file}:${p.line}: [${p.rule}] ${p.message}`)
if (only.length === 0) {
  if (all.length < MIN_QUESTIONS) failures.push(`[totals] the banks hold ${all.length} questions; at least ${MIN_QUESTIONS} are required`)
  if (used.size < MIN_TOPICS) failures.push(`[totals] the banks use ${used.size} topics; at least ${MIN_TOPICS} are required`)
}

console.log(`\n== Failures (${failures.length})`)
const byRule = count(failures.map((f) => /\[([\w-]+)\]/.exec(f)?.[1] ?? 'format'))
if (failures.length) console.log([...byRule].map(([r, n]) => `${r} ${n}`).join(', '))
for (const f of failures) console.log(f)
console.log(failures.length ? `${failures.length} problem(s)` : 'no problems')
process.exit(failures.length ? 1 : 0)
