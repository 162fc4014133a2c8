/**
 * Import entry: files and folders → questions found, files skipped with a reason. Reads only; the
 * caller decides what to write. Numbered question lists are paired with a separate "Answers" section
 * in the same file, or with a sibling file whose name says "answer".
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { extractAnki, looksLikeAnki } from './anki'
import { decodeText, MAX_IMPORT_BYTES, RefusedFile } from './guard'
import { extractMarkdown } from './markdown'
import type { FileImport, ImportProgress, ImportResult, NumberedAnswer, SkippedFile } from './types'

export type { FoundQuestion, ImportFlag, ImportResult, SkippedFile } from './types'

const TEXT_EXT = new Set(['.md', '.markdown', '.mdown', '.txt', '.tsv', '.text'])
const MAX_FILES = 5000

/** Finds the questions of one text (Markdown or Anki plain text). */
export async function importText(text: string, file: string, onProgress?: ImportProgress): Promise<FileImport> {
  if (looksLikeAnki(text, file)) return extractAnki(text, file)
  const result = await extractMarkdown(text, file, {
    onProgress: onProgress ? (done, total) => onProgress({ file, done, total }) : undefined
  })
  pairAnswers(result, result.answers)
  return result
}

/** Gives unanswered numbered questions the answer with the same number. */
function pairAnswers(target: FileImport, answers: NumberedAnswer[]): void {
  if (!answers.length) return
  const byNumber = new Map(answers.map((a) => [a.number, a]))
  for (const q of target.questions) {
    const a = q.number !== undefined && !q.answer ? byNumber.get(q.number) : undefined
    if (!a) continue
    q.answer = a.answer
    q.flags = q.flags.filter((f) => f !== 'no-answer')
  }
}

/** Imports files and folders (recursively: .md, .markdown, .txt, .tsv). File names are reported as given. */
export async function importPaths(paths: string[], onProgress?: ImportProgress): Promise<ImportResult> {
  const skipped: SkippedFile[] = []
  const files: string[] = []
  for (const p of paths) await collect(p, true, files, skipped)
  const results: FileImport[] = []
  for (const [n, file] of files.entries()) {
    await onProgress?.({ file, done: n, total: files.length })
    try {
      const st = await stat(file)
      if (st.size > MAX_IMPORT_BYTES) throw new RefusedFile(decodeTextSizeReason(st.size))
      const text = decodeText(await readFile(file))
      results.push(await importText(text, file, onProgress))
    } catch (e) {
      if (e instanceof RefusedFile) skipped.push({ file, reason: e.message })
      else skipped.push({ file, reason: `cannot read: ${(e as Error).message}` })
    }
  }
  onProgress?.({ file: '', done: files.length, total: files.length })
  return finish(results, skipped)
}

/** Imports texts handed over as bytes (a file picker or a drop), each refused or read like a file. */
export async function importBytes(files: { name: string; bytes: Uint8Array }[], onProgress?: ImportProgress): Promise<ImportResult> {
  const skipped: SkippedFile[] = []
  const results: FileImport[] = []
  for (const f of files) {
    try {
      results.push(await importText(decodeText(f.bytes), f.name, onProgress))
    } catch (e) {
      if (!(e instanceof RefusedFile)) throw e
      skipped.push({ file: f.name, reason: e.message })
    }
  }
  return finish(results, skipped)
}

function finish(results: FileImport[], skipped: SkippedFile[]): ImportResult {
  // An answers file (name containing "answer") answers the numbered lists beside it.
  for (const r of results) {
    if (!/answer/i.test(basename(r.file)) || !r.answers.length) continue
    for (const other of results) if (other !== r && dirname(other.file) === dirname(r.file)) pairAnswers(other, r.answers)
  }
  for (const r of results) {
    if (!r.questions.length && !(/answer/i.test(basename(r.file)) && r.answers.length))
      skipped.push({ file: r.file, reason: 'no questions found' })
  }
  return { found: results.flatMap((r) => r.questions), skipped }
}

function decodeTextSizeReason(size: number): string {
  return `too large (${(size / 1024 / 1024).toFixed(1)} MB; at most ${(MAX_IMPORT_BYTES / 1024 / 1024).toFixed(1)} MB)`
}

async function collect(path: string, given: boolean, out: string[], skipped: SkippedFile[]): Promise<void> {
  let st
  try {
    st = await stat(path)
  } catch (e) {
    skipped.push({ file: path, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message })
    return
  }
  if (st.isDirectory()) {
    const names = (await readdir(path)).filter((n) => !n.startsWith('.') && n !== 'node_modules').sort()
    for (const n of names) {
      if (out.length >= MAX_FILES) return
      await collect(join(path, n), false, out, skipped)
    }
  } else if (given || TEXT_EXT.has(extname(path).toLowerCase())) out.push(path)
}
