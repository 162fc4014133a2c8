/**
 * issue-10: the services behind banks:*, questions:* and import:* — composition only: the catalog
 * (user banks), the search index, the importer and history are domain modules; this wires them to
 * the contract's shapes. Imports nothing from electron; a shell may pass a native open dialog.
 */
import { basename } from 'node:path'
import { BankEditError, type BankCatalog } from './core/bank/catalog'
import { exportAnki, exportBankMarkdown } from './core/bank/export-bank'
import { importBytes, importPaths, type ImportResult } from './core/bank/import/index'
import { MAX_IMPORT_BYTES } from './core/bank/import/guard'
import { draftFromImport } from './core/bank/import/to-bank'
import { normalizeQuestionText } from './core/bank/lint'
import { QuestionSearch, type QuestionFilter, type QuestionStats } from './core/bank/search'
import { TOPICS, type Bank, type Difficulty } from './core/bank/types'
import type { QuestionDraft } from './core/bank/edit'
import type { HistoryStore } from './core/history/store'
import type { RoundEngine } from './core/session/engine'
import type { RoundSetup } from './core/session/types'
import type { Events, EventName } from './contract'
import type { ImportPreview, Library, LibraryBank, QuestionDetail } from './library-contract'

export interface LibraryDeps {
  catalog: BankCatalog
  history: HistoryStore
  rounds: RoundEngine
  roundDefaults: () => RoundSetup
  /** Lets a round be planned from chosen questions only ("practise now"). */
  withBanks: <T>(banks: Bank[], fn: () => Promise<T>) => Promise<T>
  emit: <E extends EventName>(event: E, payload: Events[E]) => void
  /** A native "open files or folders" dialog, where the shell has one. */
  openDialog?: () => Promise<string[] | null>
}

const MAX_STAGED = 64 * 1024 * 1024

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the service shape is what this returns
export function createLibraryServices(d: LibraryDeps) {
  const search = new QuestionSearch()
  const staged = new Map<string, { files: Map<string, Buffer[]>; bytes: number; at: number }>()
  const bankOf = (b: Bank): LibraryBank => ({
    id: b.id,
    title: b.title,
    description: b.description,
    questionCount: b.questions.length,
    user: d.catalog.isUser(b.id),
    file: b.file
  })
  /** Reports progress and lets the event reach the window before the import goes on. */
  const progress = (p: Events['import:progress']): Promise<void> => {
    d.emit('import:progress', p)
    return new Promise((resolve) => setImmediate(resolve))
  }

  function preview(result: ImportResult): ImportPreview {
    const known = new Map<string, { id: string; text: string; bankTitle: string }>()
    for (const b of d.catalog.banks())
      for (const q of b.questions) known.set(normalizeQuestionText(q.text), { id: q.id, text: q.text, bankTitle: b.title })
    return {
      items: result.found.map((q, key) => ({ ...q, key, duplicateOf: known.get(normalizeQuestionText(q.question)) ?? null })),
      skipped: result.skipped
    }
  }

  async function stats(): Promise<(id: string) => QuestionStats | undefined> {
    const map = await d.history.gradeStats()
    return (id) => map.get(id)
  }

  return {
    library(): Library {
      const banks = d.catalog.banks()
      const used = new Set(banks.flatMap((b) => b.questions.flatMap((q) => q.topics)))
      const topics = [...TOPICS, ...[...used].filter((t) => !(TOPICS as readonly string[]).includes(t)).sort()]
      return { banks: banks.map(bankOf), topics, problems: d.catalog.problems() }
    },

    async createBank(title: string, description?: string): Promise<LibraryBank> {
      return bankOf(await d.catalog.createBank(title, description))
    },
    async renameBank(bankId: string, title: string, description?: string): Promise<LibraryBank> {
      return bankOf(await d.catalog.renameBank(bankId, title, description))
    },
    deleteBank: (bankId: string) => d.catalog.deleteBank(bankId),
    restoreBank: async (token: string) => (await d.catalog.restoreBank(token), null),

    exportBank(format: 'markdown' | 'anki', bankId?: string, questionIds?: string[]): { fileName: string; text: string } {
      const bank = bankId ? d.catalog.banks().find((b) => b.id === bankId) : undefined
      if (bankId && !bank) throw new BankEditError('not-found', `No bank "${bankId}".`)
      const questions = bank
        ? bank.questions
        : (questionIds ?? []).flatMap((id) => {
            const found = d.catalog.find(id)
            return found ? [found.question] : []
          })
      const meta = bank ?? {
        id: 'selected-questions',
        title: 'Selected questions',
        description: `${questions.length} questions exported from Interview Drill`
      }
      return format === 'markdown'
        ? { fileName: `${meta.id}.md`, text: exportBankMarkdown(meta, questions) }
        : { fileName: `${meta.id}-anki.txt`, text: exportAnki(questions) }
    },

    async search(filter: QuestionFilter) {
      search.use(d.catalog.banks())
      return search.search(filter, await stats())
    },

    async question(questionId: string): Promise<QuestionDetail> {
      const found = d.catalog.find(questionId)
      if (!found) throw new BankEditError('not-found', `No question "${questionId}".`)
      const attempts: QuestionDetail['attempts'] = []
      for (const a of await d.history.attempts(questionId))
        attempts.push({ ...a, sessionStartedAt: (await d.history.summary(a.sessionId))?.startedAt ?? null })
      return { question: found.question, bank: bankOf(found.bank), attempts }
    },

    saveQuestion: (bankId: string, draft: QuestionDraft, questionId?: string) => d.catalog.saveQuestion(bankId, draft, questionId),
    moveQuestion: async (questionId: string, bankId: string) => (await d.catalog.moveQuestion(questionId, bankId), null),
    deleteQuestion: (questionId: string) => d.catalog.deleteQuestion(questionId),
    restoreQuestion: async (token: string) => (await d.catalog.restoreQuestion(token), null),
    duplicateQuestion: async (questionId: string, bankId: string) => ({
      questionId: await d.catalog.duplicateQuestion(questionId, bankId)
    }),

    /** Starts a round of exactly these questions, in this order, at their suggested times. */
    practise(questionIds: string[]) {
      const chosen: Bank[] = []
      for (const id of questionIds) {
        const found = d.catalog.find(id)
        if (!found) throw new BankEditError('not-found', `No question "${id}".`)
        let bank = chosen.find((b) => b.id === found.bank.id)
        if (!bank) chosen.push((bank = { ...found.bank, questions: [], followUpQuestions: [] })) // #13: exactly these
        bank.questions.push(found.question)
      }
      const order = new Map(questionIds.map((id, i) => [id, i]))
      for (const b of chosen) b.questions.sort((x, y) => order.get(x.id)! - order.get(y.id)!)
      const setup: RoundSetup = {
        ...d.roundDefaults(),
        bankIds: [],
        topics: [],
        difficulties: [],
        questionCount: questionIds.length,
        secondsPerQuestion: null,
        order: 'as-written',
        includeFollowUps: false // #13: only the chosen questions, not their follow-ups
      }
      return d.withBanks(chosen, () => d.rounds.start(setup))
    },

    async pick(): Promise<{ dialog: boolean; preview: ImportPreview | null }> {
      if (!d.openDialog) return { dialog: false, preview: null }
      const paths = await d.openDialog()
      return { dialog: true, preview: paths?.length ? preview(await importPaths(paths, progress)) : null }
    },

    stage(stageId: string, name: string, data: string, final: boolean): { received: number } {
      // Uploads never scanned (a closed window) are dropped after ten minutes.
      for (const [id, old] of staged) if (Date.now() - old.at > 600_000) staged.delete(id)
      const s = staged.get(stageId) ?? { files: new Map<string, Buffer[]>(), bytes: 0, at: Date.now() }
      staged.set(stageId, s)
      const chunk = Buffer.from(data, 'base64')
      s.bytes += chunk.length
      if (s.bytes > MAX_STAGED) {
        staged.delete(stageId)
        throw new BankEditError('invalid', `Too much to import at once (more than ${MAX_STAGED / 1024 / 1024} MB).`)
      }
      const parts = s.files.get(name) ?? []
      parts.push(chunk)
      s.files.set(name, parts)
      void final
      return { received: parts.reduce((n, p) => n + p.length, 0) }
    },

    async scanStaged(stageId: string): Promise<ImportPreview> {
      const s = staged.get(stageId)
      staged.delete(stageId)
      if (!s) return { items: [], skipped: [] }
      const files = [...s.files].map(([name, parts]) => ({ name, bytes: Buffer.concat(parts) }))
      const tooBig = files.filter((f) => f.bytes.length > MAX_IMPORT_BYTES)
      const result = await importBytes(
        files.filter((f) => !tooBig.includes(f)),
        progress
      )
      result.skipped.push(
        ...tooBig.map((f) => ({ file: basename(f.name), reason: `too large (at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB)` }))
      )
      return preview(result)
    },

    async commit(input: {
      bankId?: string
      newBankTitle?: string
      topics: string[]
      difficulty: Difficulty
      items: { question: string; answer: string; source: string }[]
    }): Promise<{ bankId: string; added: number }> {
      const bankId = input.bankId ?? (input.newBankTitle ? (await d.catalog.createBank(input.newBankTitle)).id : undefined)
      if (!bankId) throw new BankEditError('invalid', 'Choose a bank to import into, or name a new one.')
      const ids = await d.catalog.addQuestions(
        bankId,
        input.items.map((it) => ({ draft: draftFromImport(it, input.topics, input.difficulty), source: it.source || 'import' }))
      )
      return { bankId, added: ids.length }
    }
  }
}
