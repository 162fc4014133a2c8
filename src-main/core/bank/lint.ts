import { FOLLOW_UP_ID } from './followups'
import type { Bank, BankLoadProblem } from './types'

/**
 * Mojibake left by decoding UTF-8 as Latin-1/Windows-1252 ("Ã©", "â€™", "ðŸ”¹") or as Mac Roman
 * ("üìù", "‚ö†Ô∏è"), and the Unicode replacement character.
 */
const MOJIBAKE = /Ã[\u0080-\u00ff]|Â[\u00a0-\u00bf]|â€|ðŸ|ï¸|ü[ìßîöíëéè]|‚[öÄ]|Ô∏|\uFFFD/
/** Control characters other than tab and newline, plus zero-width and bidi controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NON_PRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/

export function normalizeQuestionText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Checks that span the whole library: text hygiene, unique ids and unique question texts. */
export function lintBanks(banks: Bank[], sourceOf: (bank: Bank) => string): BankLoadProblem[] {
  const problems: BankLoadProblem[] = []
  const ids = new Map<string, string>()
  const texts = new Map<string, string>()
  const bankIds = new Map<string, string>()

  for (const bank of banks) {
    const prior = bankIds.get(bank.id)
    if (prior) problems.push({ file: bank.file, line: 2, message: `bank id "${bank.id}" is also used by ${prior}` })
    bankIds.set(bank.id, bank.file)

    sourceOf(bank)
      .split(/\r?\n/)
      .forEach((line, i) => {
        const bad = MOJIBAKE.exec(line)
        if (bad) problems.push({ file: bank.file, line: i + 1, message: `mojibake "${bad[0]}" in: ${line.trim().slice(0, 80)}` })
        const np = NON_PRINTABLE.exec(line)
        if (np) {
          const code = np[0].charCodeAt(0).toString(16).padStart(4, '0')
          problems.push({ file: bank.file, line: i + 1, message: `non-printable character U+${code}` })
        }
      })

    for (const q of bank.questions) {
      const where = { file: bank.file, line: q.line }
      const other = ids.get(q.id)
      if (other) problems.push({ ...where, message: `question id "${q.id}" is also used in ${other}` })
      ids.set(q.id, `${bank.file}:${q.line}`)
      if (FOLLOW_UP_ID.test(q.id)) {
        problems.push({ ...where, message: `question id "${q.id}" ends like a follow-up's id (-fu1, -fu2, …); choose another` })
      }
      const norm = normalizeQuestionText(q.text)
      const same = texts.get(norm)
      if (same) problems.push({ ...where, message: `question "${q.text}" repeats the question at ${same}` })
      texts.set(norm, `${bank.file}:${q.line}`)
    }
  }
  return problems
}
