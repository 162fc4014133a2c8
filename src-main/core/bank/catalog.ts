/**
 * Every bank the app knows: the bundled ones (read-only, from content/) and the user's own (Markdown
 * files in the data folder's `banks/`, same format). Edits rewrite one bank file atomically; a file
 * changed outside the app is re-read when the watcher sees it; a file that does not parse is reported
 * with its line and reason while the others keep working. Deletes can be undone until the app quits.
 */
import { mkdir, readFile, readdir, rename } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { watch, type FSWatcher } from 'chokidar'
import { writeFileAtomic } from '../fs/durable'
import { BankFormatError, parseBank, serializeBank } from './format'
import { loadBankLibrary } from './library'
import { keptParts, questionFromDraft, slugify, uniqueId, type KeptParts, type QuestionDraft } from './edit'
import { withFollowUpQuestions } from './followups' // #13
import type { Bank, BankLoadProblem, Question } from './types'

export class BankEditError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid' | 'read-only',
    message: string
  ) {
    super(message)
  }
}

export interface CatalogOptions {
  contentDir: string
  userDir: string
}

export class BankCatalog {
  private bundled: Bank[] = []
  private bundledProblems: BankLoadProblem[] = []
  private user: Bank[] = []
  private userProblems: BankLoadProblem[] = []
  private merged: Bank[] = []
  private byId = new Map<string, Question>()
  private clashes: BankLoadProblem[] = []
  private readonly deletedQuestions = new Map<string, { bankId: string; index: number; question: Question }>()
  private readonly deletedBanks = new Map<string, { file: string; trashed: string }>()
  private queue: Promise<unknown> = Promise.resolve()
  private watcher: FSWatcher | undefined
  private tokens = 0

  private constructor(readonly opts: CatalogOptions) {}

  static async open(opts: CatalogOptions): Promise<BankCatalog> {
    const c = new BankCatalog(opts)
    // #7: a missing or unreadable bundled folder is reported; the user's banks still load.
    const lib = await loadBankLibrary(opts.contentDir).catch((e): Awaited<ReturnType<typeof loadBankLibrary>> => ({
      banks: [],
      problems: [
        {
          file: opts.contentDir,
          line: 0,
          message: `The question banks folder cannot be read (${(e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message}): no questions are available until it is restored.`
        }
      ]
    }))
    c.bundled = lib.banks
    c.bundledProblems = lib.problems
    await mkdir(opts.userDir, { recursive: true })
    await c.readUser()
    return c
  }

  banks(): Bank[] {
    return this.merged
  }
  problems(): BankLoadProblem[] {
    return [...this.bundledProblems, ...this.userProblems.map((p) => ({ ...p, file: `banks/${p.file}` })), ...this.clashes]
  }
  isUser(bankId: string): boolean {
    return this.user.some((b) => b.id === bankId)
  }
  /** Any question by id, a follow-up drilled as a question (`<id>-fuN`) included; for naming history. */
  question(questionId: string): Question | undefined {
    return this.byId.get(questionId)
  }
  find(questionId: string): { bank: Bank; question: Question } | undefined {
    for (const bank of this.merged) {
      const question = bank.questions.find((q) => q.id === questionId)
      if (question) return { bank, question }
    }
    return undefined
  }

  /** Re-reads the user's bank files (the watcher calls this); serialised with edits. */
  reload(): Promise<void> {
    return this.serial(() => this.readUser())
  }

  /** Watches `banks/` for files added, changed or removed outside the app. */
  watch(onChange: () => void, debounceMs = 120): void {
    let timer: NodeJS.Timeout | undefined
    const fire = (): void => {
      clearTimeout(timer)
      timer = setTimeout(() => void this.reload().then(onChange, (e) => console.error('bank reload failed', e)), debounceMs)
    }
    this.watcher = watch(this.opts.userDir, {
      ignoreInitial: true,
      depth: 0,
      ignored: (p) => p !== this.opts.userDir && basename(p).startsWith('.')
    })
    this.watcher.on('add', fire).on('change', fire).on('unlink', fire)
  }

  async close(): Promise<void> {
    await this.watcher?.close()
  }

  // ---- banks ------------------------------------------------------------------------------------

  createBank(title: string, description = ''): Promise<Bank> {
    return this.serial(async () => {
      const id = uniqueId(slugify(title, 32), (x) => this.merged.some((b) => b.id === x) || this.bundled.some((b) => b.id === x))
      return this.write({ id, title, description, version: 1, file: `${id}.md`, questions: [] })
    })
  }

  renameBank(bankId: string, title: string, description?: string): Promise<Bank> {
    return this.serial(async () => {
      const bank = this.own(bankId)
      return this.write({ ...bank, title, description: description ?? bank.description })
    })
  }

  deleteBank(bankId: string): Promise<{ undoToken: string }> {
    return this.serial(async () => {
      const bank = this.own(bankId)
      const trashDir = join(this.opts.userDir, '.trash')
      await mkdir(trashDir, { recursive: true })
      const trashed = join(trashDir, `${Date.now()}-${bank.file}`)
      await rename(join(this.opts.userDir, bank.file), trashed)
      const undoToken = `bank-${++this.tokens}`
      this.deletedBanks.set(undoToken, { file: bank.file, trashed })
      await this.readUser()
      return { undoToken }
    })
  }

  restoreBank(undoToken: string): Promise<void> {
    return this.serial(async () => {
      const d = this.deletedBanks.get(undoToken)
      if (!d) throw new BankEditError('not-found', 'Nothing to undo: that bank was already restored or the app restarted.')
      await rename(d.trashed, join(this.opts.userDir, d.file))
      this.deletedBanks.delete(undoToken)
      await this.readUser()
    })
  }

  // ---- questions --------------------------------------------------------------------------------

  /** Creates a question (no id) or replaces one of the user's questions (id). */
  saveQuestion(bankId: string, draft: QuestionDraft, questionId?: string): Promise<Question> {
    return this.serial(async () => {
      const bank = this.own(bankId)
      const index = questionId ? bank.questions.findIndex((q) => q.id === questionId) : -1
      if (questionId && index < 0) throw new BankEditError('not-found', `No question "${questionId}" in "${bank.title}".`)
      const id = questionId ?? this.newId(bank, draft.text)
      const sources = index >= 0 ? bank.questions[index].sources : []
      const q = questionFromDraft(bank, id, draft, sources, keptParts(bank.questions[index])) // #13: keeps spoken/follow-ups
      const questions = [...bank.questions]
      if (index >= 0) questions[index] = q
      else questions.push(q)
      const written = await this.write({ ...bank, questions })
      return written.questions.find((x) => x.id === id)!
    })
  }

  /** Adds questions (an import, a duplicate) to a user bank; returns their new ids. */
  addQuestions(bankId: string, items: { draft: QuestionDraft; source: string; kept?: KeptParts }[]): Promise<string[]> {
    return this.serial(async () => {
      const bank = this.own(bankId)
      const questions = [...bank.questions]
      const ids: string[] = []
      for (const { draft, source, kept } of items) {
        const id = this.newId({ ...bank, questions }, draft.text, ids)
        ids.push(id)
        questions.push(questionFromDraft(bank, id, draft, [source], kept))
      }
      await this.write({ ...bank, questions })
      return ids
    })
  }

  duplicateQuestion(questionId: string, toBankId: string): Promise<string> {
    const found = this.find(questionId)
    if (!found) return Promise.reject(new BankEditError('not-found', `No question "${questionId}".`))
    const { question: q, bank } = found
    const source = q.sources.find((s) => s !== 'original') ?? `${bank.id} :: ${q.id}`
    const draft = { text: q.text, topics: q.topics, difficulty: q.difficulty, timeSec: q.timeSec, answer: q.answer, keyPoints: q.keyPoints }
    return this.addQuestions(toBankId, [{ draft, source, kept: keptParts(q) }]).then((ids) => ids[0]) // #13: spoken, follow-ups
  }

  moveQuestion(questionId: string, toBankId: string): Promise<void> {
    return this.serial(async () => {
      const from = this.user.find((b) => b.questions.some((q) => q.id === questionId))
      if (!from) throw this.notOwn(questionId)
      const to = this.own(toBankId)
      if (to.id === from.id) return
      const q = from.questions.find((x) => x.id === questionId)!
      await this.write({ ...to, questions: [...to.questions, { ...q, bankId: to.id }] })
      await this.write({ ...from, questions: from.questions.filter((x) => x.id !== questionId) })
    })
  }

  deleteQuestion(questionId: string): Promise<{ undoToken: string }> {
    return this.serial(async () => {
      const bank = this.user.find((b) => b.questions.some((q) => q.id === questionId))
      if (!bank) throw this.notOwn(questionId)
      const index = bank.questions.findIndex((q) => q.id === questionId)
      await this.write({ ...bank, questions: bank.questions.filter((q) => q.id !== questionId) })
      const undoToken = `question-${++this.tokens}`
      this.deletedQuestions.set(undoToken, { bankId: bank.id, index, question: bank.questions[index] })
      return { undoToken }
    })
  }

  restoreQuestion(undoToken: string): Promise<void> {
    return this.serial(async () => {
      const d = this.deletedQuestions.get(undoToken)
      if (!d) throw new BankEditError('not-found', 'Nothing to undo: that question was already restored or the app restarted.')
      const bank = this.own(d.bankId)
      const questions = [...bank.questions]
      const id = this.find(d.question.id) ? this.newId(bank, d.question.text) : d.question.id
      questions.splice(Math.min(d.index, questions.length), 0, { ...d.question, id })
      await this.write({ ...bank, questions })
      this.deletedQuestions.delete(undoToken)
    })
  }

  // ---- internals --------------------------------------------------------------------------------

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn)
    this.queue = next.catch(() => undefined)
    return next
  }

  private own(bankId: string): Bank {
    const bank = this.user.find((b) => b.id === bankId)
    if (bank) return bank
    if (this.bundled.some((b) => b.id === bankId)) {
      throw new BankEditError('read-only', 'Bundled banks are read-only: duplicate the question into one of your banks to change it.')
    }
    throw new BankEditError('not-found', `No bank "${bankId}" among your banks.`)
  }

  private notOwn(questionId: string): BankEditError {
    return this.find(questionId)
      ? new BankEditError('read-only', 'This question is in a bundled bank, which is read-only: duplicate it into one of your banks.')
      : new BankEditError('not-found', `No question "${questionId}".`)
  }

  private newId(bank: Bank, text: string, also: string[] = []): string {
    return uniqueId(`${bank.id}-${slugify(text)}`, (id) => also.includes(id) || bank.questions.some((q) => q.id === id) || !!this.find(id))
  }

  /** Writes a bank file atomically after checking that it reads back; updates the library. */
  private async write(bank: Bank): Promise<Bank> {
    const text = serializeBank(bank)
    let parsed: Bank
    try {
      parsed = parseBank(text, bank.file, { user: true })
    } catch (e) {
      throw new BankEditError('invalid', e instanceof BankFormatError ? `This would not save as a valid bank: ${e.reason}` : String(e))
    }
    await writeFileAtomic(join(this.opts.userDir, bank.file), text)
    this.user = [...this.user.filter((b) => b.file !== bank.file), parsed].sort((a, b) => a.file.localeCompare(b.file))
    this.userProblems = this.userProblems.filter((p) => p.file !== bank.file)
    this.merge()
    return parsed
  }

  private async readUser(): Promise<void> {
    const names = (await readdir(this.opts.userDir)).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort()
    const banks: Bank[] = []
    const problems: BankLoadProblem[] = []
    for (const name of names) {
      try {
        banks.push(parseBank(await readFile(join(this.opts.userDir, name), 'utf8'), name, { user: true }))
      } catch (e) {
        if (e instanceof BankFormatError) problems.push({ file: name, line: e.line, message: e.reason })
        else problems.push({ file: name, line: 0, message: `cannot read: ${(e as Error).message}` })
      }
    }
    this.user = banks
    this.userProblems = problems
    this.merge()
  }

  /** Bundled banks first; a user bank or question whose id is already taken is reported and left out. */
  private merge(): void {
    const bankIds = new Set<string>()
    const questionIds = new Set<string>()
    const clashes: BankLoadProblem[] = []
    const out: Bank[] = []
    for (const bank of [...this.bundled, ...this.user]) {
      const isUser = this.user.includes(bank)
      if (bankIds.has(bank.id)) {
        clashes.push({
          file: `banks/${bank.file}`,
          line: 2,
          message: `bank id "${bank.id}" is already used by another bank; this file is ignored`
        })
        continue
      }
      bankIds.add(bank.id)
      const questions = bank.questions.filter((q) => {
        if (!questionIds.has(q.id)) return questionIds.add(q.id)
        if (isUser)
          clashes.push({
            file: `banks/${bank.file}`,
            line: q.line,
            message: `question id "${q.id}" is already used; this question is ignored`
          })
        return false
      })
      out.push(questions.length === bank.questions.length ? bank : { ...bank, questions })
    }
    this.merged = withFollowUpQuestions(out) // #13: follow-ups of every bank, the user's too
    this.byId = new Map(this.merged.flatMap((b) => [...b.questions, ...(b.followUpQuestions ?? [])].map((q) => [q.id, q] as const)))
    this.clashes = clashes
  }
}
