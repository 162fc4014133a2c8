import * as v from 'valibot'
import { afterEach, describe, expect, it } from 'vitest'
import { requests } from '@contract'
import { buildApi } from '../../../src-main/api-surface'
import { setApi } from '@renderer/api'
import { uploadForImport } from '@renderer/lib/import-upload'

afterEach(() => setApi(undefined))

describe('uploadForImport', () => {
  it('sends large files in chunks that pass the contract, which reassemble to the same bytes', async () => {
    const received = new Map<string, Buffer[]>()
    let stages = 0
    setApi(
      buildApi(
        async (channel, input) => {
          const schema = requests[channel as keyof typeof requests]
          const parsed = v.safeParse(schema, input)
          if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: parsed.issues[0].message } }
          if (channel === 'import:stage') {
            stages++
            const { name, data } = parsed.output as { name: string; data: string }
            received.set(name, [...(received.get(name) ?? []), Buffer.from(data, 'base64')])
            return { ok: true, value: { received: 0 } }
          }
          return { ok: true, value: { items: [], skipped: [] } }
        },
        () => () => undefined
      )
    )
    const text = Array.from({ length: 2000 }, (_, i) => `## What is item ${i} — ünïcode?\n\nAnswer ${i}: ${'x'.repeat(120)}\n`).join('\n')
    const bytes = new TextEncoder().encode(text)
    const progress: number[] = []
    await uploadForImport(
      [
        { name: 'notes/big.md', bytes: async () => bytes.buffer as ArrayBuffer },
        { name: 'empty.md', bytes: async () => new ArrayBuffer(0) }
      ],
      (sent) => progress.push(sent)
    )
    expect(stages).toBeGreaterThan(3)
    expect(progress.at(-1)).toBe(bytes.length)
    expect(Buffer.concat(received.get('notes/big.md')!).toString('utf8')).toBe(text)
    expect(received.get('empty.md')).toEqual([Buffer.alloc(0)])
  })
})
