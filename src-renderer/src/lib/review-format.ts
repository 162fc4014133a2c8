/** Formatting of the review figures main computed (no figures are computed here). */
export function percent(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : `${Math.round(x * 100)} %`
}

export function grade(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : x.toFixed(1)
}

export function day(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)
  return d.toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    year: d.getFullYear() === new Date().getFullYear() ? undefined : 'numeric'
  })
}

export function trendArrow(word: string): string {
  return word === 'improving' ? '↗ improving' : word === 'slipping' ? '↘ slipping' : word === 'steady' ? '→ steady' : '· not enough data'
}
