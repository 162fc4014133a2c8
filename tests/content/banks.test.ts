import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBankLibrary } from '../../src-main/core/bank/library'
import { TOPICS } from '../../src-main/core/bank/types'

const BANKS = join(import.meta.dirname, '../../content/banks')
const library = await loadBankLibrary(BANKS)
const all = library.banks.flatMap((b) => b.questions)

describe('the bundled question banks', () => {
  it('all parse, with no clashing ids or texts, no mojibake and no control characters', () => {
    expect(library.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([])
  })

  it('hold at least 180 questions over at least 10 topics and all three difficulties', () => {
    expect(all.length).toBeGreaterThanOrEqual(180)
    expect(new Set(all.flatMap((q) => q.topics)).size).toBeGreaterThanOrEqual(10)
    for (const d of ['easy', 'medium', 'hard'] as const) {
      expect(all.filter((q) => q.difficulty === d).length, d).toBeGreaterThanOrEqual(all.length * 0.1)
    }
  })

  it('give every question an answer, 3 to 7 key points, known topics, a difficulty, a time and a source', () => {
    for (const q of all) {
      const where = `${q.bankId}/${q.id}`
      expect(q.answer.trim().length, where).toBeGreaterThan(80)
      expect(q.keyPoints.length, where).toBeGreaterThanOrEqual(3)
      expect(q.keyPoints.length, where).toBeLessThanOrEqual(7)
      expect(q.topics.length, where).toBeGreaterThan(0)
      for (const t of q.topics) expect(TOPICS, where).toContain(t)
      expect(q.timeSec, where).toBeGreaterThanOrEqual(30)
      for (const s of q.sources) expect(s, where).toMatch(/^(original|\d{3}_[0-9a-f]{16}\.txt :: .+)$/)
    }
  })

  it('keep question ids stable: prefixed by their bank and never reused', () => {
    const prefixes = new Map<string, Set<string>>()
    for (const q of all) {
      const p = q.id.split('-')[0]
      prefixes.set(p, (prefixes.get(p) ?? new Set()).add(q.bankId))
    }
    for (const [p, banks] of prefixes) expect([...banks], `prefix ${p}`).toHaveLength(1)
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length)
  })

  it('close every code fence in every answer', () => {
    for (const q of all) {
      const fences = q.answer.split('\n').filter((l) => /^\s{0,3}(```|~~~)/.test(l))
      expect(fences.length % 2, `${q.id}`).toBe(0)
    }
  })

  it('state current facts where the seeds are outdated', () => {
    const text = library.banks.map((b) => readFileSync(join(BANKS, b.file), 'utf8')).join('\n')
    expect(text).toMatch(/userspace[^.\n]*removed[^.\n]*1\.26|removed in (Kubernetes )?1\.26/i)
    expect(text).toMatch(/nftables/)
    expect(text).toMatch(/10\.96\.0\.0\/12/)
    expect(text).toMatch(/Pod Security Admission/)
    expect(text).not.toMatch(/PodSecurityPolicy is (the|a) (recommended|current)/i)
  })
})
