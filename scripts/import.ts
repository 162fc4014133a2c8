/**
 * npm run import -- <file-or-folder>... [--json] [--include-doubtful]
 * Finds questions in Markdown notes and Anki plain text and prints them; writes nothing.
 * --json prints {"questions":[...],"unanswered":[...],"skipped":[...]}; headings that are probably
 * section titles are left out unless --include-doubtful.
 */
import { parseArgs } from 'node:util'
import { importPaths } from '../src-main/core/bank/import/index'
import { toCliReport } from '../src-main/core/bank/import/report'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean' }, 'include-doubtful': { type: 'boolean' } }
})
if (!positionals.length) {
  console.error('usage: npm run import -- <file-or-folder>... [--json] [--include-doubtful]')
  process.exit(2)
}
const result = await importPaths(positionals)
const report = toCliReport(result, values['include-doubtful'] ?? false)
if (values.json) {
  process.stdout.write(JSON.stringify(report, null, 2) + '\n')
} else {
  for (const q of report.questions) console.log(`${q.file}:${q.line}  ${q.question}`)
  for (const q of report.unanswered) console.log(`${q.file}:${q.line}  ${q.question}  (no answer)`)
  for (const s of report.skipped) console.log(`skipped ${s.file}: ${s.reason}`)
  console.log(`${report.questions.length} questions, ${report.unanswered.length} unanswered, ${report.skipped.length} files skipped`)
}
