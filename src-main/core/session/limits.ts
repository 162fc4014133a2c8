/**
 * Limits of a round's inputs, declared once: the schemas validate them and the renderer's forms
 * show them (plain values, no valibot, so the renderer can import them cheaply).
 */
export const ROUND_LIMITS = {
  questionCount: { min: 1, max: 100 },
  secondsPerQuestion: { min: 5, max: 3600 },
  totalMinutes: { min: 1, max: 600 },
  listItems: 100,
  draftChars: 20_000,
  noteChars: 2000,
  keyPoints: 20,
  index: 999
} as const

/** How often the clock of a running question is written, so that a crash loses at most this much. */
export const CHECKPOINT_MS = 5000

export const RATING_LABELS = {
  1: 'blank',
  2: 'vague',
  3: 'partial',
  4: 'solid',
  5: 'interview-ready'
} as const satisfies Record<1 | 2 | 3 | 4 | 5, string>

export const ROUND_STATUSES = ['running', 'finished', 'ended-early', 'abandoned'] as const
export const RATINGS = [1, 2, 3, 4, 5] as const
