/**
 * Creates a synthetic history for trying the app at scale:
 *   npm run gen:history -- --data-dir /tmp/idrill-big [--sessions 10000] [--questions 20] [--seed 42]
 * then `npx tsx src-main/web.ts --data-dir /tmp/idrill-big` (or INTERVIEW_DRILL_DATA_DIR=... npm start).
 * Streams its output, so 100,000 sessions fit in memory; progress goes to stderr.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadBankLibrary } from '../src-main/core/bank/library'
import { generateHistory } from './synthetic-history'

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, sessions: { type: 'string' }, questions: { type: 'string' }, seed: { type: 'string' } }
})
const sessions = Number(values.sessions ?? 10_000)
const questions = Number(values.questions ?? 20)
if (!values['data-dir'] || !(sessions > 0) || !(questions > 0)) {
  console.error('usage: npm run gen:history -- --data-dir DIR [--sessions 10000] [--questions 20] [--seed 42]')
  process.exit(2)
}
const { banks } = await loadBankLibrary(join(import.meta.dirname, '..', 'content', 'banks'))
const started = performance.now()
const out = await generateHistory(values['data-dir'], banks, {
  sessions,
  questionsPerSession: questions,
  seed: values.seed === undefined ? undefined : Number(values.seed),
  onProgress: (done, total) => console.error(`  ${done} / ${total} sessions (${Math.round((performance.now() - started) / 1000)} s)`)
})
console.log(
  `wrote ${out.sessionIds.length} sessions and ${out.grades} grades to ${values['data-dir']} in ${Math.round(performance.now() - started)} ms`
)
