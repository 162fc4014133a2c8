import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkBank, isVersionOnly, nearDuplicates, wordCount } from '../../../src-main/core/bank/checks'
import { parseBank } from '../../../src-main/core/bank/format'
import { contentWords, similarPairs, stem } from '../../../src-main/core/bank/similarity'
import type { Bank, Question } from '../../../src-main/core/bank/types'

const extended = parseBank(readFileSync(join(import.meta.dirname, '../../fixtures/bank-format/extended.md'), 'utf8'), 'extended.md')
const none = { legacyIds: new Set<string>() }

function q(over: Partial<Question>): Question {
  return {
    id: 'x',
    bankId: 'b',
    text: 'Why?',
    topics: ['etcd'],
    difficulty: 'easy',
    timeSec: 60,
    sources: ['original'],
    answer: 'A',
    keyPoints: ['a', 'b', 'c'],
    line: 1,
    ...over
  }
}
const bankOf = (id: string, questions: Question[]): Bank => ({ id, title: id, description: '', version: 1, file: `${id}.md`, questions })

describe('content rules of the bundled banks (#13)', () => {
  it('counts words as spoken: tokens with a letter or digit, inline code included', () => {
    expect(wordCount('Run `kubectl get pods` — then, look at 3 events.')).toBe(9)
  })

  it('flags key points that are a feature, a status and a version, not those that state behaviour', () => {
    for (const bare of [
      'Userspace proxy mode removed in 1.26',
      'IPVS mode deprecated in 1.35',
      'nftables GA in v1.33',
      'Sidecars: beta 1.28, GA 1.33'
    ]) {
      expect(isVersionOnly(bare), bare).toBe(true)
    }
    for (const ok of [
      'IPVS: hash lookups and schedulers, deprecated in 1.35',
      'RWOP limits it to a single pod; GA in 1.29',
      'The userspace proxy is gone; nftables replaces iptables in new clusters',
      'kubernetes Service: 10.96.0.1:443 forwards to 6443',
      'Use odd sizes'
    ]) {
      expect(isVersionOnly(ok), ok).toBe(false)
    }
  })

  it('finds nothing wrong in a bank that follows every rule', () => {
    // The easy question of the fixture has no spoken answer (which is reported) and is "legacy".
    const opts = { legacyIds: new Set(['extended-namespace']) }
    expect(checkBank(extended, opts).map((p) => p.message)).toEqual(['extended-namespace: no "### Spoken answer"'])
    expect(checkBank(extended, none).map((p) => p.rule)).toEqual(['spoken', 'reference'])
  })

  it('reports each broken rule with the file and the question line', () => {
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ')
    const bank = bankOf('b', [
      q({ id: 'b-short', spoken: words(59), difficulty: 'medium', line: 10 }),
      q({ id: 'b-long', spoken: words(121), difficulty: 'hard', followUps: [{ question: 'Why?', answer: words(19) }], line: 20 }),
      q({ id: 'b-dated', spoken: words(80), keyPoints: ['a b c d', 'Endpoints API deprecated in 1.33', 'c'], line: 30 }),
      q({ id: 'b-legacy', spoken: words(80), line: 40 })
    ])
    const found = checkBank(bank, { legacyIds: new Set(['b-legacy']) }).map((p) => `${p.rule} ${p.file}:${p.line} ${p.message}`)
    expect(found).toEqual([
      'kubernetes b.md:2 the front matter names no "kubernetes" version (e.g. kubernetes: "1.34")',
      'spoken b.md:10 b-short: spoken answer has 59 words; 60-120 are required',
      'follow-ups b.md:10 b-short: a medium question needs 1-3 follow-ups, has 0',
      'reference b.md:10 b-short: a new "original" question names no "- reference:" documentation page',
      'spoken b.md:20 b-long: spoken answer has 121 words; 60-120 are required',
      'follow-ups b.md:20 b-long: follow-up 1 ("Why?") has a 19-word answer; 20-80 are required',
      'reference b.md:20 b-long: a new "original" question names no "- reference:" documentation page',
      'version-key-point b.md:30 b-dated: key point "Endpoints API deprecated in 1.33" is a version number, not a behaviour',
      'reference b.md:30 b-dated: a new "original" question names no "- reference:" documentation page'
    ])
  })
})

describe('near-duplicate questions', () => {
  it('stems plurals and verb forms and drops the words every question uses', () => {
    expect(['pods', 'policies', 'scheduling', 'schedules'].map(stem)).toEqual(['pod', 'policy', 'schedul', 'schedul'])
    expect([...contentWords('Explain the difference between a Service and an Ingress')]).toEqual(['servic', 'ingress'])
  })

  it('scores a reworded question far above a different question on the same topic, and ignores pairs in one bank', () => {
    const a = q({
      id: 'a-etp',
      bankId: 'a',
      text: 'What does externalTrafficPolicy: Local change for a NodePort Service?',
      keyPoints: ['Preserves the client source IP', 'No second hop', 'healthCheckNodePort']
    })
    const b = q({
      id: 'b-etp',
      bankId: 'b',
      text: 'What does externalTrafficPolicy: Local change for a LoadBalancer Service, and when would you use it?',
      keyPoints: ['Client source IP is preserved', 'Only nodes with endpoints answer', 'healthCheckNodePort']
    })
    const c = q({
      id: 'b-types',
      bankId: 'b',
      text: 'When would you use a headless Service instead of a ClusterIP Service?',
      keyPoints: ['No virtual IP', 'DNS returns pod IPs', 'StatefulSets need one']
    })
    const d = q({
      id: 'c-etcd',
      bankId: 'c',
      text: 'Why does etcd need an odd number of members?',
      keyPoints: ['Quorum is a majority', 'Even sizes add no tolerance', 'Three tolerate one']
    })
    const e = q({
      id: 'a-etp-2',
      bankId: 'a',
      text: 'What does externalTrafficPolicy: Local change for a NodePort Service?',
      keyPoints: ['x y', 'z', 'w']
    })
    // Other questions, so that the word weights (IDF) are those of a library, not of five questions.
    const others = [
      'How does the scheduler pick a node for a pod?',
      'What is a PodDisruptionBudget for?',
      'How do you rotate the kubelet client certificate?',
      'What does a readiness probe change for a Service?',
      'How does CoreDNS answer a query for a Service name?',
      'What happens when a node runs out of memory?',
      'How does Argo CD detect drift?',
      'What is an admission webhook?',
      'How do you back up a PersistentVolume?',
      'Why would a pod stay Pending?'
    ].map((text, i) => q({ id: `o-${i}`, bankId: 'o', text, keyPoints: [`point ${i}`, 'b', 'c'] }))
    const pairs = similarPairs(
      [a, b, c, d, e, ...others],
      (x) => x,
      (x) => x.bankId
    )
    const score = (x: string, y: string): number =>
      pairs.find((p) => [p.a.id, p.b.id].sort().join() === [x, y].sort().join())?.similarity ?? 0
    expect(score('a-etp', 'b-etp')).toBeGreaterThanOrEqual(0.45)
    expect(score('a-etp', 'b-types')).toBeLessThan(0.45)
    expect(score('a-etp', 'c-etcd')).toBe(0)
    expect(score('a-etp', 'a-etp-2')).toBe(0) // same bank: the in-bank text check covers it
    expect(
      nearDuplicates([bankOf('a', [a, e]), bankOf('b', [b, c]), bankOf('c', [d]), bankOf('o', others)]).map((p) => [p.a.id, p.b.id])
    ).toEqual([['a-etp', 'b-etp']])
    expect(score('b-etp', 'a-etp-2')).toBeGreaterThan(score('a-etp', 'b-types'))
  })
})
