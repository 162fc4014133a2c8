/**
 * Writes a synthetic session history in the app's real on-disk format (the same records, checksums,
 * index and grade log the app writes), for tests and benchmarks at scale.
 *
 * It streams: `index.jsonl` and `grades.jsonl` go through write streams (waiting for 'drain' when
 * the stream asks), session files are written one by one, and nothing keeps more than one session
 * in memory besides the list of ids, so 100,000 sessions (2,000,000 grades) fit in a small heap.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { once } from 'node:events'
import { encodeRecord } from '../src-main/core/fs/records'
import { encodeGradeLine, encodeIndexHeader, encodeSummaryLine } from '../src-main/core/history/indexes'
import { summarize } from '../src-main/core/history/summary'
import { replaySession } from '../src-main/core/session/replay'
import { SESSION_SCHEMA_VERSION, type Rating, type RoundQuestion, type SessionRecord } from '../src-main/core/session/types'
import type { Bank, Question } from '../src-main/core/bank/types'
import { QuestionSnapshots } from '../src-main/core/history/snapshots'

/** Generic vocabulary: every word here turns up in most sessions (a common search term). */
export const GENERIC_WORDS =
  'etcd quorum raft leader kubelet probe iptables nftables conntrack vxlan bgp calico cilium coredns ndots ingress gateway envoy sidecar mtls rbac role binding certificate rotation snapshot restore drain cordon taint toleration affinity pvc storageclass csi webhook finalizer operator reconcile'.split(
    ' '
  )

/**
 * The words a candidate would use for one question: those of its own model answer and key points
 * (lower-cased, 4+ letters, each once). Drafts mix these with the generic words, so search terms
 * differ in selectivity as in real use: a generic word is in most sessions, a word that only one
 * question's answer uses is in few, and a prefix ("certif") matches several words.
 */
export function questionVocabulary(q: Pick<Question, 'answer' | 'keyPoints'>): string[] {
  const words = `${q.answer}\n${q.keyPoints.join('\n')}`.toLowerCase().match(/[a-z][a-z0-9]{3,}/g) ?? []
  return [...new Set(words)]
}

/** A small seeded generator so that runs are repeatable. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 2 ** 32
  }
}

/** Lines into a write stream, waiting when the stream's buffer is full (backpressure). */
class LineSink {
  private readonly out: WriteStream
  constructor(file: string) {
    this.out = createWriteStream(file, { encoding: 'utf8' })
  }
  async write(line: string): Promise<void> {
    if (!this.out.write(line)) await once(this.out, 'drain')
  }
  async close(): Promise<void> {
    this.out.end()
    await once(this.out, 'finish')
  }
}

export interface SyntheticOptions {
  sessions: number
  questionsPerSession: number
  seed?: number
  /** The newest session starts here; each earlier one some hours before. */
  end?: Date
  /** Told every so many sessions (the generator of 100,000 sessions takes minutes). */
  onProgress?: (done: number, total: number) => void
}

export async function generateHistory(
  dataDir: string,
  banks: Bank[],
  opts: SyntheticOptions
): Promise<{ sessionIds: string[]; grades: number }> {
  const random = rng(opts.seed ?? 42)
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]
  const pool = banks.flatMap((b) => b.questions.map((q) => ({ b, q, vocabulary: questionVocabulary(q) })))
  const dir = join(dataDir, 'history')
  const sessionsDir = join(dir, 'sessions')
  mkdirSync(sessionsDir, { recursive: true })
  const index = new LineSink(join(dir, 'index.jsonl'))
  const gradeLog = new LineSink(join(dir, 'grades.jsonl'))
  await index.write(encodeIndexHeader())
  await gradeLog.write(encodeIndexHeader())
  const ids: string[] = []
  const snapshots = new QuestionSnapshots(join(dir, 'questions'))
  let t = (opts.end ?? new Date()).getTime() - opts.sessions * 3 * 3_600_000
  let grades = 0
  try {
    for (let n = 0; n < opts.sessions; n++) {
      t += Math.floor((1 + random() * 4) * 3_600_000)
      const at = (ms: number): string => new Date(t + ms).toISOString()
      const id = `${at(0).replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')}-${n.toString(16).padStart(6, '0')}`
      const drawn = Array.from({ length: opts.questionsPerSession }, () => pick(pool))
      const questions: RoundQuestion[] = drawn.map(({ b, q }) => ({
        questionId: q.id,
        bankId: b.id,
        bankTitle: b.title,
        text: q.text,
        topics: q.topics,
        difficulty: q.difficulty,
        answer: q.answer,
        keyPoints: q.keyPoints,
        timeLimitMs: q.timeSec * 1000
      }))
      const setup = {
        bankIds: [],
        topics: [],
        difficulties: [],
        questionCount: questions.length,
        secondsPerQuestion: null,
        order: 'random' as const,
        totalMinutes: null,
        allowOvertime: false
      }
      const records: SessionRecord[] = [{ t: 'start', v: SESSION_SCHEMA_VERSION, id, at: at(0), setup, questions }]
      let clock = 0
      const abandoned = random() < 0.05
      const answered = abandoned ? Math.floor(random() * questions.length) : questions.length
      for (let i = 0; i < answered; i++) {
        records.push({ t: 'open', i, at: at(clock), roundUsedMs: clock })
        const used = Math.floor(20_000 + random() * 200_000)
        // About 60% of a draft's words come from the question's own answer, the rest are generic.
        const own = drawn[i].vocabulary
        const draft = Array.from({ length: 6 + Math.floor(random() * 20) }, () =>
          own.length && random() < 0.6 ? pick(own) : pick(GENERIC_WORDS)
        ).join(' ')
        clock += used
        records.push({
          t: 'reveal',
          i,
          at: at(clock),
          usedMs: used,
          overtimeMs: 0,
          expired: false,
          draft,
          roundUsedMs: clock,
          totalExpired: false
        })
        clock += 15_000
        const rating = (1 + Math.floor(random() * 5)) as Rating
        const note = random() < 0.3 ? `remember ${pick(GENERIC_WORDS)}` : ''
        records.push({ t: 'grade', i, rating, keyPoints: [0], note, at: at(clock), roundUsedMs: clock })
        await gradeLog.write(
          encodeGradeLine({
            sessionId: id,
            questionIndex: i,
            questionId: questions[i].questionId,
            rating,
            at: at(clock),
            draft,
            note,
            // ---- review (issue #8): the fields the app's grade log now carries ----
            bankId: questions[i].bankId,
            topics: questions[i].topics,
            difficulty: questions[i].difficulty,
            keyPointsHit: 1,
            keyPointsTotal: questions[i].keyPoints.length,
            usedMs: used,
            overtimeMs: 0
          })
        )
        grades++
      }
      records.push({ t: 'finish', at: at(clock), status: abandoned ? 'abandoned' : 'finished', roundUsedMs: clock })
      const stored = [await snapshots.dehydrate(records[0] as Extract<SessionRecord, { t: 'start' }>), ...records.slice(1)]
      await writeFile(join(sessionsDir, `${id}.jsonl`), stored.map(encodeRecord).join(''))
      await index.write(encodeSummaryLine(summarize(replaySession(records))))
      ids.push(id)
      if ((n + 1) % 5000 === 0) opts.onProgress?.(n + 1, opts.sessions)
    }
  } finally {
    await index.close()
    await gradeLog.close()
  }
  return { sessionIds: ids, grades }
}
