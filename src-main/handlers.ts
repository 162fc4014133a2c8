/**
 * The handler registry: contract channel → validated input → domain service. Transport-agnostic:
 * the Electron shell mounts it on ipcMain, the web shell on HTTP. No domain logic lives here: each
 * handler passes the validated input object on.
 */
import * as v from 'valibot'
import { requests, type ApiErrorBody, type Channel, type Envelope, type Input, type Output, type Requests } from './contract'
import { PlanError } from './core/session/plan'
import { RoundError } from './core/session/guards'
import { HistoryError } from './core/history/store'
import { BankEditError } from './core/bank/catalog'
import { ExportError } from './core/export/jobs'
import { BackupError } from './core/backup/manifest'
import type { AppServices } from './services'

/** One handler per channel of the contract: the validated input in, the channel's result out. */
type Handlers = { [C in Channel]: (input: v.InferOutput<Requests[C]>) => Promise<Output<C>> | Output<C> }

function handlersFor(s: AppServices): Handlers {
  return {
    'app:state': () => s.appState(),
    'banks:list': () => s.bankSummaries(),
    'settings:update': (patch) => s.settings.update(patch),
    'round:start': (setup) => s.review.startRound(setup), // review (issue #8): resolves a drill source first
    'round:current': () => s.rounds.current(),
    'round:saveDraft': (input) => s.rounds.saveDraft(input),
    'round:reveal': (input) => s.rounds.reveal(input),
    'round:grade': (input) => s.rounds.grade(input),
    'round:next': (input) => s.rounds.next(input),
    'round:pause': (input) => s.rounds.pause(input),
    'round:resume': (input) => s.rounds.resume(input),
    'round:end': (input) => s.rounds.end(input),
    'round:resumeInterrupted': (input) => s.rounds.resumeInterrupted(input),
    'round:discardInterrupted': async (input) => (await s.rounds.discardInterrupted(input), null),
    'history:list': (query) => s.history.list(query, s.content),
    'history:get': ({ sessionId }) => s.sessionDetail(sessionId),
    'history:attempts': ({ questionId }) => s.attemptHistory(questionId),
    'history:delete': async ({ sessionId }) => (await s.history.delete(sessionId, s.rounds.activeId), null),
    'history:restore': ({ sessionId }) => s.history.restore(sessionId),
    'history:count': async () => ({ deletable: await s.deletableCount() }),
    'history:clear': ({ expectedCount }) => s.clearHistory(expectedCount),
    // ---- issue-10: banks, questions, import ----
    'banks:library': () => s.library.library(),
    'banks:create': ({ title, description }) => s.library.createBank(title, description),
    'banks:rename': ({ bankId, title, description }) => s.library.renameBank(bankId, title, description),
    'banks:delete': ({ bankId }) => s.library.deleteBank(bankId),
    'banks:restore': ({ undoToken }) => s.library.restoreBank(undoToken),
    'banks:export': ({ format, bankId, questionIds }) => s.library.exportBank(format, bankId, questionIds),
    'questions:search': (filter) => s.library.search(filter),
    'questions:get': ({ questionId }) => s.library.question(questionId),
    'questions:save': ({ bankId, questionId, draft }) => s.library.saveQuestion(bankId, draft, questionId),
    'questions:move': ({ questionId, bankId }) => s.library.moveQuestion(questionId, bankId),
    'questions:delete': ({ questionId }) => s.library.deleteQuestion(questionId),
    'questions:restore': ({ undoToken }) => s.library.restoreQuestion(undoToken),
    'questions:duplicate': ({ questionId, bankId }) => s.library.duplicateQuestion(questionId, bankId),
    'questions:practise': ({ questionIds }) => s.library.practise(questionIds),
    'import:pick': () => s.library.pick(),
    'import:stage': ({ stageId, name, data, final }) => s.library.stage(stageId, name, data, final),
    'import:scanStaged': ({ stageId }) => s.library.scanStaged(stageId),
    'import:commit': (input) => s.library.commit(input),
    // ---- export + backup (issue #9) ----
    'export:session': (input) => s.data.exportSession(input),
    'export:sessions': (input) => s.data.exportSessions(input),
    'export:progress': (input) => s.data.exportProgress(input),
    'export:cancel': ({ jobId }) => s.data.cancel(jobId),
    'backup:create': () => s.data.backupCreate(),
    'backup:choose': () => s.data.chooseArchive(),
    'backup:inspect': ({ fileId }) => s.data.backupInspect(fileId),
    'backup:restore': ({ fileId, expectedSessions }) => s.data.backupRestore(fileId, expectedSessions),
    'backup:list': () => s.data.listBackups(),
    'backup:pickLocal': ({ name }) => s.data.pickLocal(name),
    // ---- review (issue #8) ----
    'review:home': () => s.review.service.home(),
    'review:overview': () => s.review.service.overview(),
    'review:questions': ({ kind, key }) => s.review.service.questions(kind, key),
    'review:statistics': () => s.review.service.statistics(),
    'review:forecast': () => s.review.service.forecast(),
    // ---- app shell (#11) ----
    'app:openDataFolder': () => s.openDataFolder(),
    'round:matches': (filter) => s.countMatches(filter)
  }
}

export type Dispatch = (channel: string, input: unknown) => Promise<Envelope<unknown>>

/** Returns one function that answers any request of the contract with an envelope; it never throws. */
export function createDispatcher(services: AppServices): Dispatch {
  const handlers = handlersFor(services) as Record<Channel, (input: unknown) => unknown>
  return async (channel, input) => {
    if (!Object.hasOwn(requests, channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: `Unknown request "${channel}".` } }
    }
    const schema = requests[channel as Channel]
    const parsed = v.safeParse(schema, input)
    if (!parsed.success) {
      const issues = parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message }))
      const first = issues[0]
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          message: `Invalid input for ${channel}: ${first.path ? `${first.path} ` : ''}${first.message}`,
          issues
        }
      }
    }
    try {
      return { ok: true, value: await handlers[channel as Channel](parsed.output) }
    } catch (e) {
      return { ok: false, error: toErrorBody(e) }
    }
  }
}

function toErrorBody(e: unknown): ApiErrorBody {
  if (e instanceof RoundError || e instanceof HistoryError) return { code: e.code, message: e.message }
  const errno = (e as NodeJS.ErrnoException)?.code
  if (errno === 'ENOSPC' || errno === 'EDQUOT' || errno === 'EIO' || errno === 'EROFS' || errno === 'EACCES' || errno === 'EPERM') {
    return {
      code: 'io',
      message: `Could not write to the data folder (${errno}): nothing was changed. Free some space or check the folder, then try again.`
    }
  }
  if (e instanceof PlanError) return { code: 'plan', message: e.message }
  if (e instanceof BankEditError) return { code: e.code, message: e.message } // issue-10
  if (e instanceof ExportError) return { code: e.code, message: e.message } // issue #9
  if (e instanceof BackupError) return { code: e.code, message: e.message } // issue #9
  console.error(e)
  return { code: 'internal', message: `Something went wrong: ${(e as Error)?.message ?? String(e)}` }
}

/** Typed helper for tests and scripts. */
export async function call<C extends Channel>(dispatch: Dispatch, channel: C, input: Input<C>): Promise<Output<C>> {
  const env = (await dispatch(channel, input)) as Envelope<Output<C>>
  if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code })
  return env.value
}
