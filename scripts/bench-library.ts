/**
 * issue-10 benchmark rows: importing a 10,000-question Markdown file against markdown-it's bare parse
 * of the same bytes, and full-text search over 10,000 questions. Run alone: `npx tsx scripts/bench-library.ts`.
 */
import MarkdownIt from 'markdown-it'
import { importText } from '../src-main/core/bank/import/index'
import { QuestionSearch } from '../src-main/core/bank/search'
import type { Bank, Difficulty, Question } from '../src-main/core/bank/types'
import { stats, type Row } from './bench-stats'

export type LibraryRow = Row

const WORDS =
  'pod node service ingress etcd quorum kubelet scheduler taint toleration probe readiness liveness volume claim secret configmap namespace quota limit request throttling latency budget alert prometheus histogram trace span deployment rollout canary'.split(
    ' '
  )
const SYLLABLES = 'ka ri to ne mu sa lo vi de po ha ze fu ti no'.split(' ')
// A vocabulary of about 3,000 words: the common terms above plus made-up ones, as in real notes.
const VOCAB = [
  ...WORDS,
  ...Array.from({ length: 3000 }, (_, i) => SYLLABLES[i % 15] + SYLLABLES[Math.floor(i / 15) % 15] + SYLLABLES[Math.floor(i / 225) % 15])
]
const word = (i: number): string => (i % 4 === 0 ? WORDS[(i * 7919) % WORDS.length] : VOCAB[(i * 7919) % VOCAB.length])

/** A large public-style collection: headings, details blocks and Q/A lines, with code and lists in answers. */
export function syntheticCollection(n: number): string {
  const out = ['# A large collection of interview questions', '', '## Table of Contents', '', '- [Basics](#basics)', '']
  for (let i = 0; i < n; i++) {
    const q = `What is the role of ${word(i)} in ${word(i + 3)} number ${i}?`
    const a = `The ${word(i + 1)} talks to the ${word(i + 2)}; see \`kubectl get ${word(i)}\`.\n\n- first ${word(i + 4)}\n- then ${word(i + 5)}\n`
    if (i % 100 === 0) out.push(`## Section ${i / 100}`, '')
    if (i % 5 < 3) out.push(`### ${q}`, '', a, i % 10 === 0 ? '```bash\nkubectl describe pod x\n```\n' : '')
    else if (i % 5 === 3) out.push('<details>', `<summary>${q}</summary><br><b>`, '', a, '</b></details>', '')
    else out.push(`**Q:** ${q}`, `**A:** ${a}`)
  }
  return out.join('\n')
}

function syntheticBanks(n: number): Bank[] {
  const banks: Bank[] = []
  for (let b = 0; b < 10; b++) {
    const questions: Question[] = []
    for (let i = 0; i < n / 10; i++) {
      const k = b * (n / 10) + i
      questions.push({
        id: `b${b}-q${i}`,
        bankId: `b${b}`,
        text: `How does ${word(k)} interact with ${word(k + 1)} and ${word(k + 2)} (${k})?`,
        topics: [word(k + 3)],
        difficulty: (['easy', 'medium', 'hard'] as Difficulty[])[k % 3],
        timeSec: 120,
        sources: ['original'],
        answer: `A ${word(k + 4)} ${word(k + 5)} answer about ${word(k + 6)}, ${word(k + 7)} and ${word(k + 8)}. `.repeat(6),
        keyPoints: [`${word(k + 9)} matters`, `${word(k + 10)} is checked`, `watch ${word(k + 11)}`],
        line: i
      })
    }
    banks.push({ id: `b${b}`, title: `Bank ${b}`, description: '', version: 1, file: `b${b}.md`, questions })
  }
  return banks
}

export async function benchLibrary(pct: (xs: number[], p: number) => number): Promise<LibraryRow[]> {
  const text = syntheticCollection(10_000)
  const md = new MarkdownIt({ html: true })
  const imports: number[] = []
  const bare: number[] = []
  let found = 0
  for (let i = 0; i < 7; i++) {
    let t = performance.now()
    md.parse(text, {})
    bare.push(performance.now() - t)
    t = performance.now()
    found = (await importText(text, 'large.md')).questions.length
    imports.push(performance.now() - t)
  }
  const search = new QuestionSearch()
  search.use(syntheticBanks(10_000))
  const filter = { text: '', bankIds: [], topics: [], difficulties: [], neverTried: false, grades: [], offset: 0, limit: 50 }
  search.search({ ...filter, text: 'warm' }, () => undefined)
  const queries: number[] = []
  const slow: string[] = []
  for (let i = 0; i < 200; i++) {
    const text = i % 3 === 0 ? `${word(i)} ${word(i + 1)}` : word(i).slice(0, 4)
    const t = performance.now()
    const r = search.search({ ...filter, text, difficulties: i % 4 === 0 ? ['hard'] : [] }, () => undefined)
    queries.push(performance.now() - t)
    if (process.env.BENCH_DEBUG && queries[queries.length - 1] > 10)
      slow.push(`${text}: ${queries[queries.length - 1].toFixed(1)} ms, ${r.total} hits`)
  }
  if (slow.length) console.error(slow.join('\n'))
  const ratio = pct(imports, 50) / pct(bare, 50)
  return [
    {
      measure: `import a 10,000-question Markdown file (${(text.length / 1e6).toFixed(1)} MB, ${found} found)`,
      ...stats(imports),
      baselineName: 'markdown-it bare parse, same bytes',
      baseline: pct(bare, 50),
      goal: '≤ 2× baseline',
      pass: ratio <= 2
    },
    {
      measure: 'search 10,000 questions (MiniSearch + filters)',
      ...stats(queries),
      baselineName: '',
      baseline: NaN,
      goal: 'p95 < 20 ms',
      pass: pct(queries, 95) < 20
    }
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]
  for (const r of await benchLibrary(pct)) console.log(r)
}
