import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Forecast, HomeSummary, Interview, ReviewOverview, RoundSource, Statistics } from '@contract'
import { call } from '../api'
import { useRoundStore } from './round'
import { useSettingsStore } from './settings'

/** What main computes for Review, Statistics and Home; the renderer only draws it. */
export const useReviewStore = defineStore('review', () => {
  const home = ref<HomeSummary | null>(null)
  const overview = ref<ReviewOverview | null>(null)
  const statistics = ref<Statistics | null>(null)
  const forecast = ref<Forecast | null>(null)
  const round = useRoundStore()
  const settings = useSettingsStore()

  async function loadHome(): Promise<void> {
    home.value = await call('review:home', undefined)
  }
  async function loadOverview(): Promise<void> {
    ;[overview.value, forecast.value] = await Promise.all([call('review:overview', undefined), call('review:forecast', undefined)])
  }
  async function loadStatistics(): Promise<void> {
    statistics.value = await call('review:statistics', undefined)
  }
  async function loadForecast(): Promise<void> {
    forecast.value = await call('review:forecast', undefined)
  }

  /** Starts a round from a drill source with the user's round defaults (time per question, overtime). */
  async function drill(source: RoundSource | null, opts: { questionCount: number; practice: boolean; topics?: string[] }): Promise<void> {
    const d = settings.roundDefaults
    await round.start({
      bankIds: [],
      topics: opts.topics ?? [],
      difficulties: [],
      questionCount: opts.questionCount,
      secondsPerQuestion: d?.secondsPerQuestion ?? null,
      order: 'random',
      totalMinutes: null,
      allowOvertime: d?.allowOvertime ?? false,
      ...(source ? { source } : {}),
      ...(opts.practice ? { practice: true } : {})
    })
  }

  async function setInterview(interview: Interview | null): Promise<void> {
    await settings.update({ interview })
    await loadForecast()
  }

  return { home, overview, statistics, forecast, loadHome, loadOverview, loadStatistics, loadForecast, drill, setInterview }
})
