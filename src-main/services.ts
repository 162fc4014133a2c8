/**
 * Composes the domain services that both shells serve. Imports nothing from electron: the Electron
 * shell and the web shell each pass in what differs (the settings file, where events go).
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createDataServices } from './data-services'
import { folderFiles, type FilePort } from './shell/files'
import { tallyQuestions } from './core/bank/followups' // #13
import { BankCatalog } from './core/bank/catalog'
import { createLibraryServices } from './library-services'
import type { Bank, Difficulty } from './core/bank/types'
import { HistoryError, HistoryStore } from './core/history/store'
import type { WorkerScript } from './core/history/rebuild-worker-run' // #12
import { RoundEngine } from './core/session/engine'
import { matchingQuestions } from './core/session/plan'
import type { MatchesInput } from './core/session/schema' // #11
import { summarizeRound } from './core/session/summary'
import { summarize } from './core/history/summary'
import { systemClock, type Clock } from './core/session/clock'
import { SettingsService, type KeyValueFile } from './core/settings'
import { createReviewServices } from './review-services' // review (issue #8)
import type { ContentLookup } from './core/history/types'
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
  // ---- issue-10 ----
  /** A native open dialog for imports (Electron); the browser shell uses a file picker instead. */
  openDialog?: () => Promise<string[] | null>
  /** Watch the user's banks folder for outside edits (the shells do; tests and scripts need not). */
  watchBanks?: boolean
  // ---- export + backup (issue #9) ----
  /** Where exports and backups go (save dialog, download); default: the `exports` folder in the data folder. */
  files?: FilePort
  /** When to make the automatic daily backup after start-up; null: never (default 2 minutes). */
  autoBackupDelayMs?: number | null
  // ---- #12 ----
  /** The built rebuild worker (`out/main/rebuild-worker.js`); absent: a rebuild runs on the main thread, in slices. */
  historyWorker?: WorkerScript
}

export type AppServices = Awaited<ReturnType<typeof createAppServices>>

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- AppServices is defined by what this returns
export async function createAppServices(opts: AppServicesOptions) {
  await mkdir(opts.dataDir, { recursive: true })
  const history = new HistoryStore(opts.dataDir, undefined, opts.historyWorker ?? null)
  await history.open()
  const settings = await SettingsService.open(opts.dataDir, opts.openSettingsFile, history.problems)
  // ---- issue-10: bundled banks plus the user's banks/ folder, re-read when it changes ----
  // (#7: a missing bundled folder is reported by the catalog; #13: it derives every bank's follow-up questions)
  const catalog = await BankCatalog.open({ contentDir: opts.contentDir, userDir: join(opts.dataDir, 'banks') })
  let practiceBanks: Bank[] | null = null
  const bankList = (): Bank[] => practiceBanks ?? catalog.banks()

  const rounds = new RoundEngine({
    log: history,
    clock: opts.clock ?? systemClock,
    banks: bankList,
    random: opts.random,
    emit: (e) => (e.type === 'changed' ? opts.emit('round:changed', e.view) : opts.emit('round:expired', e))
  })
  await rounds.init()
  const problems = (): Problem[] => [...catalog.problems(), ...history.problems]
  if (opts.watchBanks) {
    catalog.watch(() => {
      opts.emit('banks:changed', { problems: catalog.problems() })
      opts.emit('app:problems', problems())
    })
  }
  const library = createLibraryServices({
    catalog,
    history,
    rounds,
    roundDefaults: () => settings.get().roundDefaults,
    withBanks: async (chosen, fn) => {
      practiceBanks = chosen
      try {
        return await fn()
      } finally {
        practiceBanks = null
      }
    },
    emit: opts.emit,
    openDialog: opts.openDialog
  })
  // ---- review (issue #8): the review index, fed by the grade log; built after the history warm-up ----
  const review = createReviewServices({
    history,
    rounds,
    banks: () => catalog.banks(),
    settings: () => settings.get(),
    wallNow: () => (opts.clock ?? systemClock).wallNow()
  })
  // Once the window is up, read the history indexes in the background so that History and search
  // answer at once; start-up itself reads no session file and no index.
  // The banks as history sees them: question texts to search, bank titles to show.
  const content: ContentLookup = {
    questionText: (id) => catalog.question(id)?.text, // #13: follow-ups drilled as questions too
    bankTitle: (id) => catalog.banks().find((b) => b.id === id)?.title
  }
  const warmUp = async (): Promise<void> => {
    const before = history.problems.length
    await history.warmUp(content)
    if (history.problems.length > before) opts.emit('app:problems', problems())
    await review.warmUp() // review (issue #8)
  }
  if (opts.warmUpDelayMs !== null) {
    setTimeout(() => void warmUp().catch((e) => console.error('history warm-up failed', e)), opts.warmUpDelayMs ?? 1500).unref()
  }

  // ---- export + backup (issue #9) ----
  const data = createDataServices({
    dataDir: opts.dataDir,
    version: opts.version,
    history,
    settings,
    content,
    files: opts.files ?? folderFiles(join(opts.dataDir, 'exports')),
    activeRoundId: () => rounds.activeId,
    emitProgress: (p) => opts.emit('export:progress', p)
  })
  if (opts.autoBackupDelayMs !== null) data.scheduleDaily(opts.autoBackupDelayMs ?? 120_000)

  return {
    settings,
    rounds,
    history,
    catalog,
    library,
    data,
    review, // review (issue #8)
    content,

    // ---- app shell (#11) ----
    async openDataFolder(): Promise<{ opened: boolean; path: string }> {
      const opened = opts.openFolder ? await opts.openFolder(opts.dataDir) : false
      return { opened, path: opts.dataDir }
    },

    countMatches(filter: MatchesInput): { count: number } {
      return {
        count: matchingQuestions(
          catalog.banks().filter((b) => filter.bankIds.includes(b.id)),
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
      return catalog.banks().map((b) => {
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
