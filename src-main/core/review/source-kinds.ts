/** The drill sources a round can be started from (no imports: the contract and renderer use it). */
export const SOURCE_KINDS = ['weak-topics', 'weak-questions', 'never-tried', 'due', 'leeches', 'interview-plan', 'topic'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]
