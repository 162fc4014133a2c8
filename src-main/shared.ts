/**
 * The one entry point through which the renderer may import values from main (types come from the
 * contract). Plain constants only: no Node, no valibot, nothing with side effects.
 */
export { DIFFICULTIES, type Difficulty } from './core/bank/types'
export { RATING_LABELS, RATINGS, ROUND_LIMITS, ROUND_STATUSES, CHECKPOINT_MS } from './core/session/limits'
export type { Rating } from './core/session/schema'
