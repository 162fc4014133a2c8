import { join } from 'node:path'
import type { IndexFiles } from './indexes'

/** Where history keeps its files under the data folder; the store and the rebuild worker both read it here. */
export function historyLayout(dataDir: string): {
  dir: string
  sessions: string
  corrupt: string
  active: string
  questions: string
  trash: string
  indexFiles: IndexFiles
} {
  const dir = join(dataDir, 'history')
  const corrupt = join(dir, 'corrupt')
  return {
    dir,
    sessions: join(dir, 'sessions'),
    corrupt,
    active: join(dir, 'active.json'),
    questions: join(dir, 'questions'),
    trash: join(dir, 'trash'),
    indexFiles: {
      index: join(dir, 'index.jsonl'),
      grades: join(dir, 'grades.jsonl'),
      snapshot: join(dir, 'search.jsonl'),
      list: join(dir, 'list.jsonl'),
      corrupt
    }
  }
}
