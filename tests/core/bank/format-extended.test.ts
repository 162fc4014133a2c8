import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BankFormatError, parseBank, serializeBank } from '../../../src-main/core/bank/format'
import type { Bank } from '../../../src-main/core/bank/types'

const extended = readFileSync(join(import.meta.dirname, '../../fixtures/bank-format/extended.md'), 'utf8')
const legacy = readFileSync(join(import.meta.dirname, '../../fixtures/banks/sample.md'), 'utf8')

function errorOf(text: string): BankFormatError {
  try {
    parseBank(text, 'broken.md')
  } catch (e) {
    if (e instanceof BankFormatError) return e
    throw e
  }
  throw new Error('expected a BankFormatError')
}

/** The 1-based line of the last line containing the needle. */
const lineOf = (text: string, needle: string): number => text.split('\n').findLastIndex((l) => l.includes(needle)) + 1
const strip = (b: Bank): unknown => ({ ...b, questions: b.questions.map(({ line: _l, ...q }) => q) })

describe('parseBank: the spoken answer, references and follow-ups (#13)', () => {
  const bank = parseBank(extended, 'extended.md')
  const [cpu, rollout, ns] = bank.questions

  it('reads the Kubernetes version of the front matter', () => {
    expect(bank.kubernetes).toBe('1.34')
    expect(parseBank(legacy, 'sample.md').kubernetes).toBeUndefined()
  })

  it('reads repeated references, the spoken answer and the detailed answer apart', () => {
    expect(cpu.references).toEqual([
      'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
      'https://kubernetes.io/docs/tasks/configure-pod-container/assign-cpu-resource/'
    ])
    expect(cpu.spoken).toMatch(/^A CPU limit is enforced by the CFS quota/)
    expect(cpu.spoken).toMatch(/when they do set them\.$/)
    expect(cpu.spoken).not.toContain('cpu.max')
    expect(cpu.answer).toMatch(/^The kubelet turns/)
    expect(cpu.answer).toContain('#### not a follow-up: inside a fence')
    expect(cpu.keyPoints).toHaveLength(4)
  })

  it('reads each follow-up with its short answer, and nothing for questions without them', () => {
    expect(cpu.followUps).toEqual([
      {
        question: 'How would you tell that a service is being throttled?',
        answer: expect.stringMatching(/^Compare `container_cpu_cfs_throttled_periods_total`[\s\S]*many periods\.$/)
      },
      { question: 'And what happens at the memory limit instead?', answer: expect.stringContaining('OOMKilled') }
    ])
    expect(rollout.followUps).toHaveLength(1)
    expect(ns.followUps).toEqual([])
    expect(ns.spoken).toBeUndefined()
    expect(ns.references).toEqual([])
  })

  it('reads an old bank unchanged: no spoken answer, no references, no follow-ups', () => {
    const old = parseBank(legacy, 'sample.md')
    for (const q of old.questions) {
      expect(q.spoken).toBeUndefined()
      expect(q.followUps).toEqual([])
      expect(q.references).toEqual([])
    }
    expect(old.questions[0].answer).toMatch(/^etcd commits a write/)
  })

  it('gives back the same bank after serialize and parse again, with the new parts in place', () => {
    const text = serializeBank(bank)
    const again = parseBank(text, 'extended.md')
    expect(strip(again)).toEqual(strip(bank))
    expect(serializeBank(again)).toBe(text)
    expect(text).toContain('kubernetes: "1.34"')
    // Order: metadata, spoken answer, answer, key points, follow-ups.
    const order = [
      '- reference: https://kubernetes.io/docs/tasks',
      '### Spoken answer',
      '### Answer',
      '### Key points',
      '### Follow-ups',
      '#### How would you tell'
    ]
    const at = order.map((s) => text.indexOf(s))
    expect(at.every((x) => x > 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })

  it('does not write the new parts for a bank that has none', () => {
    const text = serializeBank(parseBank(legacy, 'sample.md'))
    expect(text).not.toMatch(/Spoken answer|Follow-ups|reference:|kubernetes:/)
  })

  it.each([
    [
      'an unquoted Kubernetes version',
      extended.replace('kubernetes: "1.34"', 'kubernetes: 1.30'),
      /must be a quoted version like "1.34".*1\.3 /,
      'kubernetes:'
    ],
    [
      'a Kubernetes version that is not one',
      extended.replace('kubernetes: "1.34"', 'kubernetes: "latest"'),
      /Kubernetes minor version/,
      'kubernetes:'
    ],
    [
      'a reference that is not a web address',
      extended.replace('- reference: https://kubernetes.io/docs/tasks', '- reference: kubernetes.io/docs/tasks'),
      /reference must be an http\(s\) URL/,
      '- reference: kubernetes.io/docs/tasks'
    ],
    [
      'a spoken answer after the answer',
      extended.replace('### Answer\n\n- `kubectl rollout status', '### Answer\n\n### Spoken answer\n\n- `kubectl rollout status'),
      /"### Spoken answer" comes right before "### Answer"/,
      '### Spoken answer'
    ],
    [
      'a list in the spoken answer',
      extended.replace('I start with `kubectl rollout status`', '- I start with `kubectl rollout status`'),
      /spoken answer is plain prose/,
      '- I start with'
    ],
    [
      'an empty spoken answer',
      extended.replace(/### Spoken answer\n\nI start[\s\S]*?surge Pod\.\n/, '### Spoken answer\n'),
      /empty "### Spoken answer"/,
      '### Spoken answer\n\n### Answer'
    ],
    [
      'follow-ups before the key points',
      extended.replace('### Key points\n\n- Check the rollout', '### Follow-ups\n\n### Key points\n\n- Check the rollout'),
      /"### Follow-ups" must follow "### Key points"/,
      '### Follow-ups\n\n### Key points'
    ],
    [
      'a follow-up that is not a question',
      extended.replace('#### What does progressDeadlineSeconds change?', '#### Explain progressDeadlineSeconds'),
      /ending with "\?"/,
      '#### Explain progressDeadlineSeconds'
    ],
    [
      'text in the follow-ups before the first question',
      extended.replace('### Follow-ups\n\n#### What does', '### Follow-ups\n\nSome words.\n\n#### What does'),
      /starts with a "#### <question\?>" line/,
      'Some words.'
    ],
    [
      'a follow-up without an answer',
      extended.replace(
        /#### What does progressDeadlineSeconds change\?\n\n[\s\S]*?act on it\.\n/,
        '#### What does progressDeadlineSeconds change?\n'
      ),
      /follow-up "What does progressDeadlineSeconds change\?" has no answer/,
      '#### What does progressDeadlineSeconds'
    ],
    [
      'an empty follow-ups section',
      extended.replace(/### Follow-ups\n\n#### What does[\s\S]*?act on it\.\n/, '### Follow-ups\n'),
      /empty "### Follow-ups"/,
      '### Follow-ups\n\n## What is a Namespace'
    ],
    [
      'four follow-ups',
      extended.replace('#### And what happens', '#### One?\n\nA.\n\n#### Two?\n\nB.\n\n#### And what happens'),
      /at most 3 follow-ups/,
      '#### And what happens'
    ],
    [
      'a heading in a follow-up answer',
      extended.replace('Memory cannot be throttled', '##### Memory\nMemory cannot be throttled'),
      /follow-up answer has no headings/,
      '##### Memory'
    ],
    [
      'an unknown section',
      extended.replace('### Follow-ups\n\n#### How', '### Follow ups\n\n#### How'),
      /unexpected heading "### Follow ups"/,
      '### Follow ups'
    ]
  ])('rejects %s, naming the line', (_name, text, message, needle) => {
    const e = errorOf(text)
    expect(e.message).toMatch(message)
    const expected = needle.includes('\n') ? lineOf(text.replace(needle, `@@${needle}`), '@@') : lineOf(text, needle)
    expect(e.line).toBe(expected)
  })
})
