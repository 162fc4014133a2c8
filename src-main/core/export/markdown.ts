import type { ProgressReport } from './progress'
import { clock, gradeText, timeText, type Scorecard } from './scorecard'

/** Text inside a table cell: no pipes or line breaks to break the row, no raw HTML. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ')
}

/** The user's own words as a quote: HTML shown as text, every line quoted. */
function quote(text: string): string {
  return text
    .replace(/</g, '&lt;')
    .split(/\r?\n/)
    .map((l) => `> ${l}`.trimEnd())
    .join('\n')
}

/** A fenced block that no backtick run inside the text can close. */
function fence(text: string, lang = 'text'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const f = '`'.repeat(longest + 1)
  return `${f}${lang}\n${text}\n${f}`
}

const rating = (n: number | null): string => (n === null ? '–' : n.toFixed(2))
const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '–')
const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`

export function scorecardMarkdown(card: Scorecard): string {
  const out: string[] = []
  out.push(`# Interview Drill scorecard — ${when(card.startedAt)}`, '')
  out.push('| | |', '| --- | --- |')
  out.push(`| Date | ${when(card.startedAt)} |`)
  out.push(`| Banks | ${cell(card.banks.join(', '))} |`)
  out.push(`| Topics | ${cell(card.topics.join(', '))} |`)
  out.push(`| Duration | ${clock(card.durationMs)} (answering ${clock(card.answeringMs)}) |`)
  out.push(`| Graded | ${card.gradedCount} of ${card.questionCount} |`)
  out.push(`| Overall | ${card.averageRating === null ? 'not graded' : `${rating(card.averageRating)} of 5 (${card.scorePercent}%)`} |`)
  out.push(`| Status | ${card.status} |`, '')
  out.push('## By topic', '', '| Topic | Score | Questions | Time |', '| --- | ---: | ---: | ---: |')
  for (const t of card.topicBreakdown) out.push(`| ${cell(t.topic)} | ${rating(t.averageRating)} | ${t.questions} | ${clock(t.timeMs)} |`)
  out.push('', '## Strengths', '', ...card.advice.strengths.map((s) => `- ${cell(s)}`))
  out.push('', '## Work on next', '', ...card.advice.workOnNext.map((s) => `- ${cell(s)}`), '')
  out.push('## Questions', '')
  for (const q of card.questions) {
    out.push(`### ${q.number}. ${q.text.replace(/\r?\n/g, ' ')}`, '')
    out.push(`- **Topic:** ${cell(q.topics.join(', '))} · **Difficulty:** ${q.difficulty} · **Bank:** ${cell(q.bank)}`)
    out.push(`- **Grade:** ${gradeText(q)}`)
    out.push(`- **Time:** ${timeText(q)}`)
    if (q.keyPointsHit.length || q.keyPointsMissed.length) {
      out.push('- **Key points:**')
      for (const k of q.keyPointsHit) out.push(`  - [x] ${cell(k)}`)
      for (const k of q.keyPointsMissed) out.push(`  - [ ] ${cell(k)}`)
    }
    if (q.note) out.push('', '**Note:**', '', quote(q.note))
    if (q.draft) out.push('', '**Draft:**', '', fence(q.draft))
    if (q.answer) out.push('', '**Model answer:**', '', q.answer.trim())
    out.push('')
  }
  return out.join('\n')
}

export function progressMarkdown(r: ProgressReport): string {
  const out: string[] = []
  const scope = r.range.lastN ? `last ${r.range.lastN} sessions` : `${r.range.from ?? 'the beginning'} to ${r.range.to ?? 'today'}`
  out.push(`# Interview Drill progress report — ${scope}`, '')
  out.push('| | |', '| --- | --- |')
  out.push(`| Sessions | ${r.sessions} (${day(r.firstAt)} to ${day(r.lastAt)}) |`)
  out.push(`| Time spent | ${clock(r.totalMs)} |`)
  out.push(`| Graded answers | ${r.gradedQuestions} |`)
  out.push(`| Average grade | ${rating(r.averageRating)} |`, '')
  out.push('## Grade trend', '', '| Session | Average | Score |', '| --- | ---: | ---: |')
  for (const p of r.trend.slice(-30)) out.push(`| ${when(p.startedAt)} | ${rating(p.averageRating)} | ${p.scorePercent ?? '–'}% |`)
  if (r.trend.length > 30) out.push('', `*The ${r.trend.length - 30} earlier sessions are in the JSON and PDF reports.*`)
  out.push('', '## Topic mastery', '', '| Topic | Attempts | Average | Mastery | Change |', '| --- | ---: | ---: | ---: | ---: |')
  for (const t of r.topics) {
    const change = t.change === null ? '–' : `${t.change > 0 ? '+' : ''}${t.change.toFixed(2)}`
    out.push(`| ${cell(t.topic)} | ${t.attempts} | ${t.averageRating.toFixed(2)} | ${t.masteryPercent}% | ${change} |`)
  }
  out.push('', '## Weakest questions', '', '| Question | Attempts | Average | Last |', '| --- | ---: | ---: | ---: |')
  for (const q of r.weakest) out.push(`| ${cell(q.text)} | ${q.attempts} | ${q.averageRating.toFixed(2)} | ${q.lastRating} |`)
  out.push('', '## Review load and readiness', '')
  if (r.review) {
    out.push(`- Due today: ${r.review.dueToday}`, `- Due in the next 7 days: ${r.review.dueNext7Days}`)
    out.push(`- Interview date: ${r.review.interviewDate ?? 'not set'}`)
    out.push(`- Readiness: ${r.review.readinessPercent === null ? 'not enough data' : `${r.review.readinessPercent}%`}`)
  } else out.push('*Not available yet: spaced review is not part of this version.*')
  return out.join('\n') + '\n'
}
