import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BankFormatError, parseBank } from './format'
import { lintBanks } from './lint'
import { withFollowUpQuestions } from './followups' // #13: follow-ups drilled as questions
import type { Bank, BankLoadProblem } from './types'

export interface BankLibrary {
  banks: Bank[]
  problems: BankLoadProblem[]
}

/**
 * Loads every `*.md` bank in a folder. A file that does not parse is reported with its file
 * name, line and reason; the other banks still load. Questions whose ids clash with an
 * earlier bank are reported and left out so that ids stay unique in the app.
 */
export async function loadBankLibrary(dir: string): Promise<BankLibrary> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort()
  const banks: Bank[] = []
  const sources = new Map<Bank, string>()
  const problems: BankLoadProblem[] = []
  for (const name of names) {
    let text: string
    try {
      text = await readFile(join(dir, name), 'utf8')
    } catch (e) {
      problems.push({ file: name, line: 0, message: `cannot read: ${(e as Error).message}` })
      continue
    }
    try {
      const bank = parseBank(text, name)
      banks.push(bank)
      sources.set(bank, text)
    } catch (e) {
      if (e instanceof BankFormatError) problems.push({ file: e.file, line: e.line, message: e.reason })
      else throw e
    }
  }
  problems.push(...lintBanks(banks, (b) => sources.get(b) ?? ''))
  return { banks: withFollowUpQuestions(dedupe(banks)), problems } // #13: + followUpQuestions
}

function dedupe(banks: Bank[]): Bank[] {
  const seenBanks = new Set<string>()
  const seen = new Set<string>()
  const out: Bank[] = []
  for (const bank of banks) {
    if (seenBanks.has(bank.id)) continue
    seenBanks.add(bank.id)
    const questions = bank.questions.filter((q) => !seen.has(q.id))
    questions.forEach((q) => seen.add(q.id))
    out.push({ ...bank, questions })
  }
  return out
}
