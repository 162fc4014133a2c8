/** Formatting of times, durations, dates and ratings for display. */
import { RATING_LABELS, type Rating } from '@shared'

const pad = (n: number): string => String(n).padStart(2, '0')

/** A countdown reading: `mm:ss` (or `h:mm:ss` from an hour), rounding partial seconds up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`
}

/** Time past a deadline: `+m:ss overtime`. */
export function formatOvertime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return `+${h > 0 ? `${h}:${pad(m)}` : m}:${pad(s)} overtime`
}

/** A span of time in words: `45 s`, `4 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  const total = Math.round(ms / 1000)
  if (total < 60) return `${total} s`
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h > 0 ? `${h} h ${pad(m)} min` : `${m} min ${pad(s)} s`
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateTimeThisYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
const dateLong = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
const timeShort = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d)
}

/** Compact, for tables: the year only when it is not this year. */
export function formatShortDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.getFullYear() === new Date().getFullYear() ? dateTimeThisYear.format(d) : dateTime.format(d)
}

/** `45s`, `4m 05s`, `1h 02m`: for tables. */
export function formatDurationShort(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  const total = Math.round(ms / 1000)
  if (total < 60) return `${total}s`
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  return h > 0 ? `${h}h ${pad(m)}m` : `${m}m ${pad(total % 60)}s`
}

/** `Saturday, 22 November 2025 at 14:03` style, for headings. */
export function formatLongDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : `${dateLong.format(d)}, ${timeShort.format(d)}`
}

/** `2025-11-22` in local time, for date filters. */
export function isoDay(ts: number): string {
  const d = new Date(ts)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function ratingWord(rating: number | null | undefined): string {
  return rating && rating in RATING_LABELS ? RATING_LABELS[rating as Rating] : ''
}

/** `4 solid`, or a dash when not graded. */
export function ratingLabel(rating: number | null | undefined): string {
  return rating ? `${rating} ${ratingWord(rating)}` : 'not graded'
}

export function formatAverage(avg: number | null | undefined): string {
  return avg === null || avg === undefined ? '—' : avg.toFixed(1)
}

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })

/** `10,000` (in the user's locale). */
export function formatCount(n: number): string {
  return integer.format(n)
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

export const STATUS_LABELS: Record<string, string> = {
  running: 'in progress',
  finished: 'finished',
  'ended-early': 'ended early',
  abandoned: 'abandoned'
}

/**
 * A session's status as people say it. A "running" session that is not the round live in this app
 * is one a quit or crash cut off: it reads "interrupted" (and is offered for resuming).
 */
export function statusLabel(status: string, live = false): string {
  if (status === 'running' && !live) return 'interrupted'
  return STATUS_LABELS[status] ?? status
}

export function statusType(status: string): 'success' | 'warning' | 'default' | 'info' {
  return status === 'finished' ? 'success' : status === 'ended-early' ? 'warning' : status === 'running' ? 'info' : 'default'
}

/** Tag colour for a rating: red for 1 through green for 5. */
export function ratingType(rating: number | null | undefined): 'error' | 'warning' | 'info' | 'success' | 'default' {
  if (!rating) return 'default'
  if (rating <= 2) return 'error'
  if (rating === 3) return 'warning'
  return rating === 4 ? 'info' : 'success'
}

export function difficultyType(d: string): 'success' | 'warning' | 'error' | 'default' {
  return d === 'easy' ? 'success' : d === 'medium' ? 'warning' : d === 'hard' ? 'error' : 'default'
}
