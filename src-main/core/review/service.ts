import { pacer } from '../fs/pacer'
import { forecast } from './forecast'
import { homeSummary } from './home'
import type { GradeLoad } from './grade-source'
import { ReviewIndex } from './review-index'
import { isLeech } from './leeches'
import { groupRows, questionRow, questionRows, type GroupKind, type QuestionRow } from './mastery'
import type { ReviewContext } from './schedule'
import { chooseQuestions } from './sources'
import { statistics, type Statistics } from './stats'
import type { ReviewGrade } from './types'
import type { Forecast, HomeSummary, ReviewOverview, RoundSource } from './results'
export type { ReviewOverview } from './results'

/**
 * The review state for the app: built lazily from the grade log the first time a review screen
 * asks (or in the background after start-up), then kept up to date one grade at a time. History
 * changes in bulk (delete, restore, clear) drop it; the next question rebuilds it.
 */
export class ReviewService {
  private index: ReviewIndex | null = null
  private loading: Promise<ReviewIndex> | null = null
  private pending: ReviewGrade[] = []
  private generation = 0

  constructor(
    private readonly loadAll: () => Promise<GradeLoad>,
    private readonly context: () => ReviewContext
  ) {}

  /** The index, built on first use; start-up does not wait for it. */
  ready(): Promise<ReviewIndex> {
    if (this.index) return Promise.resolve(this.index)
    if (!this.loading) {
      const gen = this.generation
      const index = new ReviewIndex()
      this.loading = this.loadAll()
        .then((load) => index.rebuildInSlices(load, pacer()))
        .then(() => {
          for (const g of this.pending) index.add(g)
          this.pending = []
          if (gen === this.generation) {
            this.index = index
            this.loading = null
          }
          return index
        })
      const loading = this.loading
      loading.catch(() => this.loading === loading && (this.loading = null))
    }
    return this.loading
  }

  /** One more grade, once it is on disk. */
  add(grade: ReviewGrade): void {
    if (this.index) this.index.add(grade)
    else if (this.loading) this.pending.push(grade)
  }

  /** History changed in bulk: forget the state; the next question rebuilds it from the log. */
  invalidate(): void {
    this.generation++
    this.index = null
    this.loading = null
    this.pending = []
  }

  async overview(): Promise<ReviewOverview> {
    const index = await this.ready()
    const ctx = this.context()
    const leeches = [...index.questions.values()].filter(isLeech).map((t) => questionRow(index, ctx, t.id))
    return {
      graded: index.size,
      topics: groupRows(index, ctx, 'topic'),
      banks: groupRows(index, ctx, 'bank'),
      difficulties: groupRows(index, ctx, 'difficulty'),
      leeches
    }
  }

  async questions(kind: GroupKind, key: string): Promise<QuestionRow[]> {
    return questionRows(await this.ready(), this.context(), kind, key)
  }

  async statistics(): Promise<Statistics> {
    return statistics(await this.ready(), this.context())
  }

  async home(): Promise<HomeSummary> {
    return homeSummary(await this.ready(), this.context())
  }

  async forecast(): Promise<Forecast | null> {
    return forecast(await this.ready(), this.context())
  }

  async choose(source: RoundSource, limit: number): Promise<string[]> {
    return chooseQuestions(await this.ready(), this.context(), source, limit)
  }
}
