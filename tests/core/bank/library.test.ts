import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBankLibrary } from '../../../src-main/core/bank/library'

const sample = readFileSync(join(import.meta.dirname, '../../fixtures/banks/sample.md'), 'utf8')

describe('loadBankLibrary', () => {
  it('loads the good banks and reports a malformed one by file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banks-'))
    writeFileSync(join(dir, 'a-good.md'), sample)
    writeFileSync(join(dir, 'b-broken.md'), sample.replace('id: sample\n', 'id: other\n').replace('- time: 60', '- time: soon'))
    writeFileSync(join(dir, 'notes.txt'), 'not a bank')
    const { banks, problems } = await loadBankLibrary(dir)
    expect(banks.map((b) => b.id)).toEqual(['sample'])
    expect(problems).toEqual([{ file: 'b-broken.md', line: 35, message: expect.stringMatching(/time of "sample-kube-proxy-ns"/) }])
  })

  it('reports ids, texts and mojibake that clash across banks, and keeps ids unique', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banks-'))
    writeFileSync(join(dir, 'a.md'), sample)
    const copy = sample
      .replace('id: sample\n', 'id: copy\n')
      .replace('sample-etcd-two', 'copy-etcd-two')
      .replace('`kube-system`, as a DaemonSet.', '`kube-system` ðŸ”¹ as a DaemonSet.\u0007')
    writeFileSync(join(dir, 'b.md'), copy)
    const { banks, problems } = await loadBankLibrary(dir)
    const messages = problems.map((p) => `${p.file}:${p.line} ${p.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^b\.md:\d+ mojibake "ðŸ"/),
        expect.stringMatching(/^b\.md:\d+ non-printable character U\+0007/),
        expect.stringMatching(/^b\.md:8 question "Why can't you run a two-member etcd cluster safely\?" repeats the question at a\.md:8/),
        expect.stringMatching(/^b\.md:35 question id "sample-kube-proxy-ns" is also used in a\.md:35/)
      ])
    )
    expect(banks.find((b) => b.id === 'copy')!.questions.map((q) => q.id)).toEqual(['copy-etcd-two'])
  })
})
