// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Statistics } from '@contract'
import StatisticsCharts from '@renderer/components/charts/StatisticsCharts.vue'

// What main answers for a user who practised on two days (the shape of review:statistics).
const stats: Statistics = {
  heatmap: {
    from: '2025-12-02',
    to: '2026-12-01',
    days: [
      { date: '2026-11-30', grades: 3, minutes: 6 },
      { date: '2026-12-01', grades: 2, minutes: 4 }
    ],
    summary: 'In the last 365 days you practised on 2 days and graded 5 answers.'
  },
  streak: { current: 2, longest: 2, summary: 'Current streak: 2 days in a row; longest: 2.' },
  weeks: [
    { week: '2026-11-18', minutes: 0, grades: 0, averageGrade: null },
    { week: '2026-11-25', minutes: 10, grades: 5, averageGrade: 3.4 }
  ],
  weeksSummary: 'Over the last 12 weeks you spent 10 minutes answering; the busiest week began 2026-11-25 (10 minutes).',
  gradeTrendSummary: 'Average grade per week went from 3.4 (week of 2026-11-25) to 3.4 (week of 2026-11-25), on a scale of 1 to 5.',
  due: {
    days: [
      { date: '2026-12-01', count: 0 },
      { date: '2026-12-02', count: 2 }
    ],
    summary: '0 questions due today (overdue included), 2 in the next 14 days.'
  },
  retention: { share: 0.5, reviews: 2, days: 30, summary: 'True retention: of 2 reviews … you recalled 50 %.' },
  topics: [
    { topic: 'dns', mastery: 0.42 },
    { topic: 'etcd', mastery: 0.9 },
    { topic: 'cni', mastery: null }
  ],
  topicsSummary: 'Weakest topic: dns (42 %); strongest: etcd (90 %); 1 not practised yet.'
}

describe('StatisticsCharts', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('gives every chart a text summary and hides the drawing from screen readers', () => {
    const w = mount(StatisticsCharts, { props: { stats } })
    const figures = w.findAll('figure')
    expect(figures.map((f) => f.get('h2').text())).toEqual([
      'Practice calendar',
      'Due in the next 14 days',
      'Time answering per week',
      'Average grade per week',
      'Mastery per topic'
    ])
    expect(figures.map((f) => f.get('figcaption').text())).toEqual([
      stats.heatmap.summary,
      stats.due.summary,
      stats.weeksSummary,
      stats.gradeTrendSummary,
      stats.topicsSummary
    ])
    for (const f of figures) expect(f.get('.echart').attributes('aria-hidden')).toBe('true')
    expect(w.text()).toContain('Current streak: 2 days in a row; longest: 2.')
    expect(w.text()).toContain('50 %')
  })

  it('has the numbers of each chart as a table', () => {
    const w = mount(StatisticsCharts, { props: { stats } })
    const tables = w.findAll('figure table')
    const cells = (i: number): string[][] => tables[i].findAll('tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    expect(cells(0)).toEqual([
      ['2026-11-30', '3', '6'],
      ['2026-12-01', '2', '4']
    ])
    expect(cells(1)).toEqual([
      ['2026-12-01', '0'],
      ['2026-12-02', '2']
    ])
    expect(cells(3)).toEqual([
      ['2026-11-18', '—'],
      ['2026-11-25', '3.4']
    ])
    expect(cells(4)).toEqual([
      ['dns', '42 %'],
      ['etcd', '90 %'],
      ['cni', '—']
    ])
    expect(tables[4].get('caption').text()).toBe('Mastery per topic')
  })
})
