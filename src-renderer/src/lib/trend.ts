/**
 * A readable trend of many grades: at most `maxPoints` points, each the mean of a run of
 * consecutive attempts (oldest first), and which point holds attempt `highlight`.
 */
export function trend(
  values: number[],
  highlight: number | null,
  maxPoints = 40
): { values: number[]; highlight: number | null; perPoint: number } {
  const perPoint = Math.max(1, Math.ceil(values.length / maxPoints))
  if (perPoint === 1) return { values, highlight, perPoint }
  const out: number[] = []
  for (let i = 0; i < values.length; i += perPoint) {
    const run = values.slice(i, i + perPoint)
    out.push(Math.round((run.reduce((a, b) => a + b, 0) / run.length) * 10) / 10)
  }
  return { values: out, highlight: highlight === null || highlight < 0 ? null : Math.floor(highlight / perPoint), perPoint }
}

/** The page of a long list that ends at its newest item: `shown` items, oldest first. */
export function lastPage<T>(items: T[], shown: number): { items: T[]; offset: number } {
  const offset = Math.max(0, items.length - shown)
  return { items: items.slice(offset), offset }
}
