import type { Bank } from './types'

/** Writes a bank in the canonical format; parseBank(serializeBank(b)) gives b back. */
export function serializeBank(bank: Bank): string {
  const out: string[] = ['---', `id: ${bank.id}`, `title: ${yamlScalar(bank.title)}`]
  if (bank.description) out.push(`description: ${yamlScalar(bank.description)}`)
  out.push(`version: ${bank.version}`)
  // Always quoted: unquoted, YAML would read 1.30 as the number 1.3.
  if (bank.kubernetes) out.push(`kubernetes: ${JSON.stringify(bank.kubernetes)}`)
  out.push('---')
  for (const q of bank.questions) {
    out.push(
      '',
      `## ${q.text}`,
      '',
      `- id: ${q.id}`,
      `- topics: ${q.topics.join(', ')}`,
      `- difficulty: ${q.difficulty}`,
      `- time: ${q.timeSec}`
    )
    for (const s of q.sources) out.push(`- source: ${s}`)
    for (const r of q.references ?? []) out.push(`- reference: ${r}`)
    if (q.spoken) out.push('', '### Spoken answer', '', q.spoken)
    out.push('', '### Answer', '', q.answer, '', '### Key points', '')
    for (const k of q.keyPoints) out.push(`- ${k}`)
    if (q.followUps?.length) {
      out.push('', '### Follow-ups')
      for (const f of q.followUps) out.push('', `#### ${f.question}`, '', f.answer)
    }
  }
  return out.join('\n') + '\n'
}

function yamlScalar(s: string): string {
  return /^[\w][\w .,()/&+-]*$/.test(s) && !/:\s/.test(s) ? s : JSON.stringify(s)
}
