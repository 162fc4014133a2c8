import { ApiError } from '../api'

/** A message a person can read, from whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  if (e instanceof Error) return e.message || 'Something went wrong.'
  return String(e)
}

export function errorCode(e: unknown): string | null {
  return e instanceof ApiError ? e.code : null
}
