import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Conf from 'conf'
import { createAppServices } from '../../src-main/services'
import { call, createDispatcher } from '../../src-main/handlers'
import type { KeyValueFile } from '../../src-main/core/settings'
import { FIXTURE_BANKS, tempDir } from '../helpers/world'

async function app() {
  const dataDir = tempDir()
  const services = await createAppServices({
    dataDir,
    warmUpDelayMs: null,
    contentDir: FIXTURE_BANKS,
    version: 't',
    openSettingsFile: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'test' }) as unknown as KeyValueFile,
    emit: () => undefined
  })
  return { dispatch: createDispatcher(services), dataDir }
}
const draft = {
  text: 'What is a headless Service?',
  topics: ['services', 'my-notes'],
  difficulty: 'medium' as const,
  timeSec: 120,
  answer: 'A Service with `clusterIP: None`.',
  keyPoints: ['DNS returns Pod IPs']
}
const filter = { text: '', bankIds: [], topics: [], difficulties: [], neverTried: false, grades: [], offset: 0, limit: 50 }

describe('banks, questions and import through the contract', () => {
  it('reports field errors for a bad question draft', async () => {
    const { dispatch } = await app()
    const bank = await call(dispatch, 'banks:create', { title: 'Mine' })
    const env = await dispatch('questions:save', { bankId: bank.id, draft: { ...draft, text: '', timeSec: 10, answer: '## Heading\nx' } })
    expect(env.ok).toBe(false)
    const issues = !env.ok ? env.error.issues?.map((i) => i.path) : []
    expect(issues).toEqual(['draft.text', 'draft.timeSec', 'draft.answer'])
  })

  it('creates, finds, practises and exports a question; the user topic is in the vocabulary', async () => {
    const { dispatch, dataDir } = await app()
    const bank = await call(dispatch, 'banks:create', { title: 'Mine' })
    const q = await call(dispatch, 'questions:save', { bankId: bank.id, draft })
    const lib = await call(dispatch, 'banks:library', undefined)
    expect(lib.banks.map((b) => [b.id, b.user])).toEqual([
      ['sample', false],
      ['mine', true]
    ])
    expect(lib.topics).toContain('my-notes')
    const found = await call(dispatch, 'questions:search', { ...filter, text: 'headless' })
    expect(found.rows.map((r) => r.id)).toEqual([q.id])
    expect((await call(dispatch, 'questions:search', { ...filter, topics: ['my-notes'] })).total).toBe(1)
    const round = await call(dispatch, 'questions:practise', { questionIds: [q.id] })
    expect(round.count).toBe(1)
    expect(round.question).toMatchObject({ text: 'What is a headless Service?' })
    const anki = await call(dispatch, 'banks:export', { format: 'anki', bankId: bank.id })
    expect(anki.fileName).toBe('mine-anki.txt')
    expect(anki.text).toContain('What is a headless Service?\t')
    expect(readFileSync(join(dataDir, 'banks', 'mine.md'), 'utf8')).toContain('## What is a headless Service?')
  })

  it('previews staged files with duplicates and doubts, and writes only on commit', async () => {
    const { dispatch } = await app()
    const text = '# Notes\n\n## What is a headless Service?\n\nclusterIP None.\n\n## What is etcd?\n\n## Pods\n'
    const stageId = 'stage-0001'
    await call(dispatch, 'import:stage', { stageId, name: 'notes.md', data: Buffer.from(text).toString('base64'), final: true })
    await call(dispatch, 'import:stage', { stageId, name: 'bad.md', data: Buffer.from([0xff, 0xfe, 0x41]).toString('base64'), final: true })
    const preview = await call(dispatch, 'import:scanStaged', { stageId })
    expect(preview.items.map((i) => [i.question, i.flags])).toEqual([
      ['What is a headless Service?', []],
      ['What is etcd?', ['no-answer']]
    ])
    expect(preview.skipped).toEqual([{ file: 'bad.md', reason: 'not UTF-8 text (save it as UTF-8 and import again)' }])
    expect((await call(dispatch, 'banks:library', undefined)).banks).toHaveLength(1)
    const done = await call(dispatch, 'import:commit', {
      newBankTitle: 'Imported notes',
      topics: ['imported'],
      difficulty: 'easy',
      items: preview.items.map((i) => ({ question: i.question, answer: i.answer, source: `${i.file} :: ${i.line}` }))
    })
    expect(done).toEqual({ bankId: 'imported-notes', added: 2 })
    const again = await call(dispatch, 'import:stage', {
      stageId: 'stage-0002',
      name: 'notes.md',
      data: Buffer.from(text).toString('base64'),
      final: true
    })
    expect(again.received).toBe(text.length)
    const dup = await call(dispatch, 'import:scanStaged', { stageId: 'stage-0002' })
    expect(dup.items[0].duplicateOf).toMatchObject({ bankTitle: 'Imported notes' })
  })
})
