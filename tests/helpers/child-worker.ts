/**
 * Run as a child process by the long fault tests, then killed with SIGKILL at a random instant.
 *   rebuild <dataDir>: opens history and lists it (the index was deleted: this rebuilds it).
 *   rounds <dataDir> <banksDir>: plays rounds on the system clock, printing "ack <id> <index> <rating>"
 *   once each grade is acknowledged (the engine resolved: on disk).
 */
import { loadBankLibrary } from '../../src-main/core/bank/library'
import { HistoryStore } from '../../src-main/core/history/store'
import { historyQuery } from '../../src-main/core/history/query'
import { systemClock } from '../../src-main/core/session/clock'
import { RoundEngine } from '../../src-main/core/session/engine'
import type { Rating } from '../../src-main/core/session/types'

const [mode, dataDir, banksDir] = process.argv.slice(2)
const store = new HistoryStore(dataDir)
await store.open()
if (mode === 'rebuild') {
  const page = await store.list(historyQuery(), { questionText: () => undefined, bankTitle: () => undefined })
  console.log(`listed ${page.all}`)
} else {
  const { banks } = await loadBankLibrary(banksDir)
  const engine = new RoundEngine({ log: store, clock: systemClock, banks: () => banks, emit: () => undefined })
  await engine.init()
  const waiting = engine.interruptedRound()
  if (waiting) await engine.discardInterrupted({ roundId: waiting.id })
  for (;;) {
    const v = await engine.start({
      bankIds: [],
      topics: [],
      difficulties: [],
      questionCount: 2,
      secondsPerQuestion: 60,
      order: 'as-written',
      totalMinutes: null,
      allowOvertime: false
    })
    for (let i = 0; i < 2; i++) {
      await engine.saveDraft({ roundId: v.id, index: i, draft: `draft ${i}` })
      await engine.reveal({ roundId: v.id })
      const rating = (1 + ((i + v.id.length) % 5)) as Rating
      await engine.grade({ roundId: v.id, index: i, rating, keyPoints: [], note: '' })
      process.stdout.write(`ack ${v.id} ${i} ${rating}\n`)
      await engine.next({ roundId: v.id })
    }
  }
}
