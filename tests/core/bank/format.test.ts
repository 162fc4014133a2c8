import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BankFormatError, parseBank, serializeBank } from '../../../src-main/core/bank/format'

const sample = readFileSync(join(import.meta.dirname, '../../fixtures/banks/sample.md'), 'utf8')

function errorOf(text: string): BankFormatError {
  try {
    parseBank(text, 'broken.md')
  } catch (e) {
    if (e instanceof BankFormatError) return e
    throw e
  }
  throw new Error('expected a BankFormatError')
}

describe('parseBank', () => {
  it('reads the front matter and every question with its parts', () => {
    const bank = parseBank(sample, 'sample.md')
    expect(bank).toMatchObject({
      id: 'sample',
      title: 'Sample bank',
      version: 2,
      description: 'Two questions: one with a table, one with code.'
    })
    expect(bank.questions).toHaveLength(2)
    const [q1, q2] = bank.questions
    expect(q1).toMatchObject({
      id: 'sample-etcd-two',
      topics: ['etcd'],
      difficulty: 'medium',
      timeSec: 150,
      sources: ['004_4e47223046a8d353.txt :: Q2'],
      line: 8
    })
    expect(q1.answer).toContain('| members | quorum |')
    expect(q1.answer).toContain('## not a heading: inside a fence')
    expect(q1.keyPoints).toEqual(['Quorum is a majority', 'Two members tolerate zero failures', 'Use odd sizes'])
    expect(q2.topics).toEqual(['services', 'kubectl'])
  })

  it('gives back the same bank after serialize and parse again', () => {
    const bank = parseBank(sample, 'sample.md')
    const again = parseBank(serializeBank(bank), 'sample.md')
    const strip = (b: typeof bank): unknown => ({ ...b, questions: b.questions.map(({ line: _l, ...q }) => q) })
    expect(strip(again)).toEqual(strip(bank))
    expect(serializeBank(again)).toBe(serializeBank(bank))
  })

  it.each([
    [
      'an unclosed code fence',
      sample.replace('## not a heading: inside a fence\n```', '## not a heading'),
      /code block is never closed/,
      24
    ],
    ['a missing answer', sample.replace('### Answer\n\n`kube-system`, as a DaemonSet.\n\n', ''), /must follow "### Answer"/, 43],
    ['too few key points', sample.replace('- Use odd sizes\n', ''), /2 key points; 3 to 7/, 8],
    ['an unknown topic', sample.replace('topics: etcd', 'topics: etcd, cooking'), /unknown topic "cooking"/, 8],
    ['a bad difficulty', sample.replace('difficulty: easy', 'difficulty: trivial'), /difficulty of "sample-kube-proxy-ns"/, 35],
    ['a time out of range', sample.replace('time: 60', 'time: 5'), /time of "sample-kube-proxy-ns"/, 35],
    ['an unknown metadata key', sample.replace('- time: 60', '- time: 60\n- owner: me'), /unknown metadata key "owner"/, 41],
    ['a duplicate id', sample.replace('sample-kube-proxy-ns', 'sample-etcd-two'), /duplicate question id/, 35],
    [
      'a stray level-3 heading',
      sample.replace('`kube-system`, as a DaemonSet.', '### Details\n`kube-system`'),
      /unexpected heading "### Details"/,
      45
    ],
    ['no source', sample.replace('- source: original\n', ''), /has no "source"/, 35],
    ['no front matter', sample.replace(/^---/, ''), /front matter/, 1]
  ])('rejects %s, naming the line', (_name, text, message, line) => {
    const e = errorOf(text)
    expect(e.message).toMatch(message)
    expect(e.file).toBe('broken.md')
    expect(e.line).toBe(line)
  })
})
