import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadBankLibrary } from '../../src-main/core/bank/library'
import { encodeGradeLine, encodeIndexHeader } from '../../src-main/core/history/indexes'
import { historyQuery } from '../../src-main/core/history/query'
import { HistoryStore } from '../../src-main/core/history/store'
import { loadPlain, plainAttempts, plainPage, scanSearch } from '../../scripts/bench-history-baselines'
import { generateHistory } from '../../scripts/synthetic-history'

const dirs: string[] = []
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'idrill-bench-test-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const CONTENT = join(import.meta.dirname, '../../content/banks')
const lookup = { questionText: (): undefined => undefined, bankTitle: (): undefined => undefined }

describe('the synthetic history and the bench baselines', () => {
  it('generates the same history from the same seed, in a format the store reads', async () => {
    const { banks } = await loadBankLibrary(CONTENT)
    const end = new Date('2026-01-01T00:00:00Z')
    const [a, b] = [temp(), temp()]
    const gen = await generateHistory(a, banks, { sessions: 40, questionsPerSession: 5, end })
    await generateHistory(b, banks, { sessions: 40, questionsPerSession: 5, end })
    for (const f of ['index.jsonl', 'grades.jsonl'])
      expect(readFileSync(join(a, 'history', f), 'utf8')).toBe(readFileSync(join(b, 'history', f), 'utf8'))
    const store = new HistoryStore(a)
    await store.open()
    expect(await store.count()).toBe(40)
    expect(store.problems).toEqual([])
    const plain = await loadPlain(join(a, 'history'))
    expect(plain.grades).toHaveLength(gen.grades)

    // The plain baselines give the store's answers: same page, same attempts.
    for (const q of [
      historyQuery(),
      historyQuery({ topics: ['etcd', 'dns', 'cni'], minRating: 2, sort: { key: 'averageRating', dir: 'asc' }, offset: 5, limit: 10 })
    ]) {
      const page = await store.list(q, lookup)
      expect(plainPage(plain.summaries, q)).toEqual({ total: page.total, ids: page.items.map((s) => s.id) })
    }
    const questionId = plain.grades[0].questionId
    const live = new Set(plain.summaries.map((s) => s.id))
    expect(plainAttempts(plain.grades, questionId, live).map((g) => `${g.sessionId}#${g.questionIndex}`)).toEqual(
      (await store.attempts(questionId)).map((g) => `${g.sessionId}#${g.questionIndex}`)
    )
  })

  it('search baseline: every query word is the prefix of a word of the draft, note or question text', async () => {
    const file = join(temp(), 'grades.jsonl')
    const grade = (sessionId: string, questionId: string, draft: string, note = ''): string =>
      encodeGradeLine({ sessionId, questionIndex: 0, questionId, rating: 3, at: '2026-01-01T00:00:00Z', draft, note })
    writeFileSync(
      file,
      encodeIndexHeader() +
        grade('s1', 'q1', 'The kubelet restarts pods.') +
        grade('s2', 'q2', 'kube-proxy writes iptables rules', 'remember conntrack') +
        grade('s3', 'q3', 'nothing here')
    )
    const texts: Record<string, string> = { q3: 'What does etcd store?' }
    const search = async (text: string): Promise<string[]> => [...(await scanSearch(file, text, (id) => texts[id]))].sort()
    expect(await search('kube')).toEqual(['s1', 's2'])
    expect(await search('KUBEL rest')).toEqual(['s1'])
    expect(await search('ubelet')).toEqual([]) // inside a word, not a prefix
    expect(await search('kube conntrack')).toEqual(['s2']) // a word of the note
    expect(await search('etcd')).toEqual(['s3']) // a word of the question text
    expect(await search('kubelet conntrack')).toEqual([]) // all words must match one grade
  })
})
