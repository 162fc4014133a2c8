/**
 * The shapes of what the review module answers (types only, no code): the contract and the
 * renderer import these, so the renderer's build never pulls in the review code itself.
 */
import type { Difficulty } from '../bank/types'
import type { RoundSource } from './schema'

export type GroupKind = 'topic' | 'bank' | 'difficulty'

/** The figures the Review screen shows for a topic, bank or difficulty, and for one question. */
export interface Figures {
  /** Mean predicted recall tomorrow (FSRS) over the practised questions, 0–1; null when none is practised. */
  mastery: number | null
  /** The mastery figure in plain words. */
  meaning: string
  attempts: number
  /** Mean self-grade, 1–5. */
  averageGrade: number | null
  /** Share of the key points ticked, 0–1. */
  keyPointShare: number | null
  /** Share of timed answers that ran over their time, 0–1. */
  overtimeRate: number | null
  lastPractised: string | null
  /** Mean grade per week over the last `TREND_WEEKS` weeks, oldest first; null for a week without grades. */
  trend: (number | null)[]
  trendWord: 'improving' | 'slipping' | 'steady' | 'not enough data'
  /** Due by the end of today. */
  due: number
  leeches: number
}

export interface GroupRow extends Figures {
  kind: GroupKind
  key: string
  questions: number
  practised: number
  neverTried: number
}

export interface QuestionRow extends Figures {
  id: string
  text: string
  bankId: string
  topics: string[]
  difficulty: Difficulty
  /** Next review (ISO), pulled forward before an interview; null when never scheduled. */
  dueAt: string | null
  /** Days until recall drops to 90 % (FSRS stability). */
  stabilityDays: number | null
  leech: boolean
}

/** Everything the Statistics screen draws; each chart comes with a sentence for screen readers. */
export interface Statistics {
  heatmap: { from: string; to: string; days: { date: string; grades: number; minutes: number }[]; summary: string }
  streak: { current: number; longest: number; summary: string }
  weeks: { week: string; minutes: number; grades: number; averageGrade: number | null }[]
  weeksSummary: string
  gradeTrendSummary: string
  due: { days: { date: string; count: number }[]; summary: string }
  retention: { share: number | null; reviews: number; days: number; summary: string }
  topics: { topic: string; mastery: number | null }[]
  topicsSummary: string
}

export interface TopicReadiness {
  topic: string
  questions: number
  practised: number
  /** Mean predicted recall over all the topic's questions (never tried counts as 0), 0–1. */
  recallNow: number
  /** On the interview day, if you keep your recent pace. */
  recallAtPace: number
  /** On the interview day, if you follow the plan. */
  recallWithPlan: number
  readyAtPace: boolean
}

export interface Forecast {
  interviewDate: string
  daysLeft: number
  target: number
  /** Scheduled grades per day over the last PACE_DAYS days. */
  pace: number
  topics: TopicReadiness[]
  plan: { perDay: number; feasible: boolean; today: string[]; summary: string }
  summary: string
}

/** Home: where the day starts. */
export interface HomeSummary {
  graded: number
  dueToday: number
  next14: { date: string; count: number }[]
  streak: { current: number; longest: number }
  weakest: GroupRow[]
  interview: Pick<Forecast, 'interviewDate' | 'daysLeft' | 'summary'> | null
  /** The one round to start now, and why; null source: a first ordinary round. */
  best: { source: RoundSource | null; label: string; reason: string }
}

export interface ReviewOverview {
  graded: number
  topics: GroupRow[]
  banks: GroupRow[]
  difficulties: GroupRow[]
  leeches: QuestionRow[]
}

/** Where a drill round's questions come from; main turns it into question ids (declared in schema.ts). */
export type { RoundSource }
