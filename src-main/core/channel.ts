/**
 * One request channel of the IPC contract, declared once with both halves: the valibot schema of its
 * input (checked where the request enters main) and the type of its result, carried as a phantom
 * type (nothing of it exists at run time). Each domain declares a table of these next to its
 * schemas, `{ 'history:list': channel(HistoryQuerySchema).returns<HistoryPage>() }`; the contract
 * composes the tables and derives everything else (inputs, results, the dispatcher's validation
 * map, the preload's allow-list, the renderer's typed API) from the one composed table.
 */
import * as v from 'valibot'

declare const result: unique symbol

export interface ChannelSpec<S extends v.GenericSchema = v.GenericSchema, R = unknown> {
  /** What main validates the request's input with. */
  readonly input: S
  /** Type only: what the channel answers with. Never set at run time. */
  readonly [result]: R
}

export type ChannelTable = Record<string, ChannelSpec>

/** The result type a channel declares. */
export type ResultOf<T extends ChannelSpec> = T[typeof result]

/** The input of a channel that takes none. */
export const NoInput = v.optional(v.undefined())

/** `channel(InputSchema).returns<Result>()`: a channel's input schema and result type, in one place. */
export function channel<S extends v.GenericSchema>(input: S): { returns<R>(): ChannelSpec<S, R> } {
  return { returns: <R>() => ({ input }) as ChannelSpec<S, R> }
}

type Merged<T extends readonly ChannelTable[]> = T extends readonly [
  infer H extends ChannelTable,
  ...infer Rest extends readonly ChannelTable[]
]
  ? H & Merged<Rest>
  : unknown

/**
 * The domains' tables as one. A channel declared by two tables is a mistake (one would silently
 * replace the other), so it throws as soon as the contract is loaded.
 */
export function composeChannels<T extends readonly ChannelTable[]>(...tables: T): { [C in keyof Merged<T>]: Merged<T>[C] } {
  const all: ChannelTable = {}
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table)) {
      if (Object.hasOwn(all, name)) throw new Error(`The channel "${name}" is declared twice.`)
      all[name] = spec
    }
  }
  return all as { [C in keyof Merged<T>]: Merged<T>[C] }
}
