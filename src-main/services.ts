/**
 * Composes the domain services that both shells serve. Imports nothing from electron: the Electron
 * shell and the web shell each pass in what differs (the settings file, where events go).
 */
import { mkdir } from 'node:fs/promises'
import { loadBankLibrary } from './core/bank/library'
import { tallyQuestions } from './core/bank/followups' // #13
import type { Bank, Difficulty } from './core/bank/types'
import { HistoryError, HistoryStore } from './core/history/store'
import { RoundEngine } from './core/session/engine'
import { matchingQuestions } from './core/session/plan'
import type { MatchesInput } from './core/session/schema' // #11
import { summarizeRound } from './core/session/summary'
import { summarize } from './core/history/summary'
import { systemClock, type Clock } from './core/session/clock'
import { SettingsService, type KeyValueFile } from './core/settings'
import type { AppState, AttemptHistoryItem, BankSummary, Events, EventName, Problem, SessionDetail } from './contract'

export interface AppServicesOptions {
  dataDir: string
  contentDir: string
  version: string
  openSettingsFile: () => KeyValueFile
  emit: <E extends EventName>(event: E, payload: Events[E]) => void
  clock?: Clock
  random?: () => number
  // ---- app shell (#11) ----
  /** Opens a folder in the system file manager (Electron's shell port); absent in the browser shell. */
  openFolder?: (path: string) => Promise<boolean>
  /** When to read the history indexes in the background after start-up; null: not at all. */
  warmUpDelayMs?: number | null
}

export type AppServices = Awaited<ReturnType<typeof createAppServices>>

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- AppServices is defined by what this returns
export async function createAppServices(opts: AppServicesOptions) {
  await mkdir(opts.dataDir, { recursive: true })
  const history = new HistoryStore(opts.dataDir)
  await history.open()
  const settings = await SettingsService.open(opts.dataDir, opts.openSettingsFile, history.problems)
  const library = await loadBankLibrary(opts.contentDir).catch((e): Awaited<ReturnType<typeof loadBankLibrary>> => ({
    banks: [],
    problems: [
      {
        file: opts.contentDir,
        line: 0,
        message: `The question banks folder cannot be read (${(e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message}): no questions are available until it is restored.`
      }
    ]
  }))
  const banks: Bank[] = library.banks
  // #13: follow-ups drilled as questions are named in history too
  const byQuestion = new Map(banks.flatMap((b) => [...b.questions, ...(b.followUpQuestions ?? [])].map((q) => [q.id, q] as const)))

  const rounds = new RoundEngine({
    log: history,
    clock: opts.clock ?? systemClock,
    banks: () => banks,
    random: opts.random,
    emit: (e) => (e.type === 'changed' ? opts.emit('round:changed', e.view) : opts.emit('round:expired', e))
  })
  await rounds.init()
  const problems = (): Problem[] => [...library.problems, ...history.problems]
  // Once the window is up, read the history indexes in the background so that History and search
  // answer at once; start-up itself reads no session file and no index.
  const warmUp = async (): Promise<void> => {
    const before = history.problems.length
    await history.warmUp()
    if (history.problems.length > before) opts.emit('app:problems', problems())
  }
  if (opts.warmUpDelayMs !== null) {
    setTimeout(() => void warmUp().catch((e) => console.error('history warm-up failed', e)), opts.warmUpDelayMs ?? 1500).unref()
  }

  return {
    settings,
    rounds,
    history,
    content: {
      questionText: (id: string) => byQuestion.get(id)?.text,
      bankTitle: (id: string) => banks.find((b) => b.id === id)?.title
    },

    // ---- app shell (#11) ----
    async openDataFolder(): Promise<{ opened: boolean; path: string }> {
      const opened = opts.openFolder ? await opts.openFolder(opts.dataDir) : false
      return { opened, path: opts.dataDir }
    },

    countMatches(filter: MatchesInput): { count: number } {
      return {
        count: matchingQuestions(
          banks.filter((b) => filter.bankIds.includes(b.id)),
          filter
        ).length
      }
    },

    appState(): AppState {
      return {
        version: opts.version,
        dataDir: opts.dataDir,
        problems: problems(),
        interrupted: rounds.interruptedRound(),
        settings: settings.get()
      }
    },

    bankSummaries(): BankSummary[] {
      return banks.map((b) => {
        const topics: Record<string, number> = {}
        const difficulties: Record<Difficulty, number> = { easy: 0, medium: 0, hard: 0 }
        const matrix = new Map<string, number>()
        for (const q of b.questions) {
          difficulties[q.difficulty]++
          for (const t of q.topics) {
            topics[t] = (topics[t] ?? 0) + 1
            matrix.set(`${t}\u0000${q.difficulty}`, (matrix.get(`${t}\u0000${q.difficulty}`) ?? 0) + 1)
          }
        }
        return {
          id: b.id,
          title: b.title,
          description: b.description,
          questionCount: b.questions.length,
          topics,
          difficulties,
          matrix: [...matrix].map(([k, count]) => {
            const [topic, difficulty] = k.split('\u0000')
            return { topic, difficulty: difficulty as Difficulty, count }
          }),
          followUps: tallyQuestions(b.followUpQuestions ?? []) // #13
        }
      })
    },

    async sessionDetail(id: string): Promise<SessionDetail> {
      const before = history.problems.length
      const state = await history.read(id).finally(() => {
        if (history.problems.length > before) opts.emit('app:problems', problems())
      })
      return {
        summary: { ...summarize(state), bankTitles: [...new Set(state.questions.map((q) => q.bankTitle))] },
        result: summarizeRound(state),
        questions: state.questions.map((q, i) => ({ ...q, attempt: state.attempts[i] }))
      }
    },

    async attemptHistory(questionId: string): Promise<AttemptHistoryItem[]> {
      const attempts = await history.attempts(questionId)
      const out: AttemptHistoryItem[] = []
      for (const a of attempts) out.push({ ...a, sessionStartedAt: (await history.summary(a.sessionId))?.startedAt ?? null })
      return out
    },

    async deletableCount(): Promise<number> {
      return (await history.count()) - (rounds.activeId && (await history.summary(rounds.activeId)) ? 1 : 0)
    },

    async clearHistory(expectedCount: number): Promise<{ removed: number }> {
      const deletable = await this.deletableCount()
      if (deletable !== expectedCount) {
        throw new HistoryError(
          'busy',
          `History changed: ${deletable} sessions would be deleted, not ${expectedCount}. Please confirm again.`
        )
      }
      return { removed: await history.clear(rounds.activeId) }
    }
  }
}
