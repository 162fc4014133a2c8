/**
 * PDF scorecards and progress reports with pdfmake, in plain Node: both shells and the tests run
 * this same code. DejaVu (from the dejavu-fonts-ttf package) is embedded so that notes and drafts
 * in Cyrillic, Greek, Arabic, Hebrew and most other alphabets render; code uses DejaVu Sans Mono.
 * The creation date is taken from the data, so the same session gives the same bytes.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { lazily } from '../lazy'
import { chartsReady, topicChart, trendChart } from './chart'
import { inline, markdownBlocks, MONO, userText } from './pdf-text'
import type { ProgressReport } from './progress'
import { clock, gradeText, timeText, type Scorecard } from './scorecard'

type PdfMake = typeof import('pdfmake')
type ECharts = Awaited<ReturnType<typeof chartsReady>>

/**
 * pdfmake, with the fonts and access policies set, loaded on the first PDF: it and pdfkit take about
 * 100 ms to load, which the app's start-up would otherwise pay for an export it may never make.
 */
const pdfmakeReady = lazily(async (): Promise<PdfMake> => {
  const pdfmake = ((await import('pdfmake')) as unknown as { default: PdfMake }).default // CommonJS: its exports are the default
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
  const f = (name: string): string => join(dir, `${name}.ttf`)
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((p: string) => p.startsWith(dir))
  pdfmake.addFonts({
    DejaVu: {
      normal: f('DejaVuSans'),
      bold: f('DejaVuSans-Bold'),
      italics: f('DejaVuSans-Oblique'),
      bolditalics: f('DejaVuSans-BoldOblique')
    },
    [MONO]: {
      normal: f('DejaVuSansMono'),
      bold: f('DejaVuSansMono-Bold'),
      italics: f('DejaVuSansMono-Oblique'),
      bolditalics: f('DejaVuSansMono-BoldOblique')
    }
  })
  return pdfmake
})

const rating = (n: number | null): string => (n === null ? '–' : n.toFixed(2))
const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
const label = (text: string): Content => ({ text, bold: true, color: '#57606a' })

function frame(title: string, createdAt: string, content: Content[]): TDocumentDefinitions {
  return {
    info: {
      title,
      author: 'Interview Drill',
      creator: 'Interview Drill',
      producer: 'Interview Drill (pdfmake)',
      creationDate: new Date(createdAt)
    },
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    defaultStyle: { font: 'DejaVu', fontSize: 9.5, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      sub: { color: '#57606a', margin: [0, 0, 0, 10] },
      th: { bold: true, fillColor: '#eef1f4' }
    },
    header: (page: number) => (page > 1 ? { text: title, margin: [40, 20, 40, 0], fontSize: 8, color: '#57606a' } : ''),
    footer: (page: number, pages: number) => ({
      text: `Page ${page} of ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#57606a',
      margin: [0, 16, 0, 0]
    }),
    content
  }
}

function table(head: string[], rows: (string | Content)[][], widths: (string | number)[]): Content {
  return {
    table: { headerRows: 1, widths, body: [head.map((h) => ({ text: h, style: 'th' })), ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 6]
  }
}

function scorecardContent(echarts: ECharts, card: Scorecard): Content[] {
  const c: Content[] = [
    { text: 'Interview Drill scorecard', style: 'h1' },
    { text: `${when(card.startedAt)} · ${card.status}`, style: 'sub' },
    {
      table: {
        widths: [90, '*'],
        body: [
          [label('Banks'), card.banks.join(', ')],
          [label('Topics'), card.topics.join(', ')],
          [label('Duration'), `${clock(card.durationMs)} (answering ${clock(card.answeringMs)})`],
          [label('Graded'), `${card.gradedCount} of ${card.questionCount}`],
          [label('Overall'), card.averageRating === null ? 'not graded' : `${rating(card.averageRating)} of 5 (${card.scorePercent}%)`]
        ]
      },
      layout: 'noBorders'
    },
    { text: 'By topic', style: 'h2' },
    table(
      ['Topic', 'Score', 'Questions', 'Time'],
      card.topicBreakdown.map((t) => [t.topic, rating(t.averageRating), String(t.questions), clock(t.timeMs)]),
      ['*', 50, 60, 50]
    )
  ]
  if (card.topicBreakdown.some((t) => t.averageRating !== null)) c.push({ svg: topicChart(echarts, card.topicBreakdown), width: 515 })
  c.push({ text: 'Strengths', style: 'h2' }, { ul: card.advice.strengths })
  c.push({ text: 'Work on next', style: 'h2' }, { ul: card.advice.workOnNext })
  c.push({ text: 'Questions', style: 'h2', pageBreak: 'before' })
  for (const q of card.questions) {
    const block: Content[] = [
      { text: [`${q.number}. `, ...inline(q.text)], style: 'h3' },
      {
        table: {
          widths: [70, '*'],
          body: [
            [label('Topic'), `${q.topics.join(', ')} · ${q.difficulty} · ${q.bank}`],
            [label('Grade'), gradeText(q)],
            [label('Time'), timeText(q)]
          ]
        },
        layout: 'noBorders'
      }
    ]
    if (q.keyPointsHit.length || q.keyPointsMissed.length) {
      block.push(label('Key points'), {
        stack: [
          ...q.keyPointsHit.map((k) => ({ text: [{ text: '✓ ', color: '#1a7f37' }, ...inline(k)] })),
          ...q.keyPointsMissed.map((k) => ({ text: [{ text: '✗ ', color: '#cf222e' }, ...inline(k)] }))
        ],
        margin: [8, 0, 0, 4]
      })
    }
    if (q.note) block.push(label('Note'), userText(q.note))
    if (q.draft) block.push(label('Draft'), { text: q.draft, font: MONO, fontSize: 8.5, preserveLeadingSpaces: true, margin: [0, 0, 0, 4] })
    if (q.answer) block.push(label('Model answer'), ...markdownBlocks(q.answer))
    c.push({ stack: block, unbreakable: !q.answer && !q.draft })
  }
  return c
}

function progressContent(echarts: ECharts, r: ProgressReport): Content[] {
  const scope = r.range.lastN ? `Last ${r.range.lastN} sessions` : `${r.range.from ?? 'The beginning'} to ${r.range.to ?? 'today'}`
  const c: Content[] = [
    { text: 'Interview Drill progress report', style: 'h1' },
    { text: scope, style: 'sub' },
    {
      table: {
        widths: [110, '*'],
        body: [
          [label('Sessions'), `${r.sessions}${r.firstAt ? ` (${r.firstAt.slice(0, 10)} to ${r.lastAt!.slice(0, 10)})` : ''}`],
          [label('Time spent'), clock(r.totalMs)],
          [label('Graded answers'), String(r.gradedQuestions)],
          [label('Average grade'), rating(r.averageRating)]
        ]
      },
      layout: 'noBorders'
    },
    { text: 'Grade trend', style: 'h2' }
  ]
  if (r.trend.some((p) => p.averageRating !== null)) c.push({ svg: trendChart(echarts, r.trend), width: 515 })
  else c.push({ text: 'No graded session in this range.' })
  c.push({ text: 'Topic mastery', style: 'h2' })
  c.push(
    table(
      ['Topic', 'Attempts', 'Average', 'Mastery', 'Change'],
      r.topics.map((t) => [
        t.topic,
        String(t.attempts),
        t.averageRating.toFixed(2),
        `${t.masteryPercent}%`,
        t.change === null ? '–' : `${t.change > 0 ? '+' : ''}${t.change.toFixed(2)}`
      ]),
      ['*', 50, 50, 50, 50]
    )
  )
  c.push({ text: 'Weakest questions', style: 'h2' })
  c.push(
    table(
      ['Question', 'Attempts', 'Average', 'Last'],
      r.weakest.map((q) => [{ text: inline(q.text) }, String(q.attempts), q.averageRating.toFixed(2), String(q.lastRating)]),
      ['*', 50, 50, 35]
    )
  )
  c.push({ text: 'Review load and readiness', style: 'h2' })
  c.push(
    r.review
      ? {
          ul: [
            `Due today: ${r.review.dueToday}`,
            `Due in the next 7 days: ${r.review.dueNext7Days}`,
            `Interview date: ${r.review.interviewDate ?? 'not set'}`,
            `Readiness: ${r.review.readinessPercent === null ? 'not enough data' : `${r.review.readinessPercent}%`}`
          ]
        }
      : { text: 'Not available yet: spaced review is not part of this version.', italics: true }
  )
  return c
}

async function render(doc: TDocumentDefinitions): Promise<Uint8Array> {
  const pdfmake = await pdfmakeReady()
  return new Uint8Array(await pdfmake.createPdf(doc).getBuffer())
}

export async function scorecardPdf(card: Scorecard): Promise<Uint8Array> {
  const content = scorecardContent(await chartsReady(), card)
  return render(frame(`Interview Drill scorecard — ${when(card.startedAt)}`, card.startedAt, content))
}

/** Several sessions in one file, each starting on a new page. */
export async function scorecardsPdf(cards: Scorecard[]): Promise<Uint8Array> {
  const echarts = await chartsReady()
  const content = cards.flatMap((card, i) => {
    const c = scorecardContent(echarts, card)
    if (i > 0) c[0] = { ...(c[0] as object), pageBreak: 'before' } as Content
    return c
  })
  return render(frame('Interview Drill scorecards', cards[cards.length - 1]?.startedAt ?? '2000-01-01T00:00:00Z', content))
}

export async function progressPdf(r: ProgressReport): Promise<Uint8Array> {
  const content = progressContent(await chartsReady(), r)
  return render(frame('Interview Drill progress report', r.lastAt ?? '2000-01-01T00:00:00Z', content))
}
