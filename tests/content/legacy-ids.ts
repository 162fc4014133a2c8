import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The 268 question ids of the bundled banks before issue #13 (tests/content/legacy-ids.txt). */
export function legacyIds(): Set<string> {
  const text = readFileSync(join(import.meta.dirname, 'legacy-ids.txt'), 'utf8')
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
  )
}
