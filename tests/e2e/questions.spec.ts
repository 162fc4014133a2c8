import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, openApp, test } from './fixtures'

const NOTES = join(import.meta.dirname, '..', 'fixtures', 'import', 'qa-lines.md')

test('own questions: create a bank, add and edit a question, practise it, import notes, export to Anki', async ({
  page,
  shell,
  dataDir
}) => {
  await openApp(page, shell)
  await page.getByRole('button', { name: 'Questions', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Questions', level: 1 })).toBeVisible()

  // A bank of my own.
  await page.getByText(/Banks: 0 of mine/).click()
  await page.getByLabel('New bank title').fill('My notes')
  await page.getByRole('button', { name: 'Create bank' }).click()
  await expect(page.getByText('banks/my-notes.md')).toBeVisible()

  // A question, first with a mistake shown next to its field.
  await page.getByRole('button', { name: 'New question' }).click()
  await page.getByLabel('Question', { exact: true }).fill('What does a readiness probe decide?')
  await page.getByTestId('topics-select').click()
  await page.keyboard.type('probes')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await page.getByLabel('Model answer (Markdown)').fill('## Too big a heading')
  await page.getByRole('button', { name: 'Save question' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'headings #, ## and ### are reserved' })).toBeVisible()
  await page.getByLabel('Model answer (Markdown)').fill('Whether the Pod gets **Service traffic**.\n\n<img src=x onerror="alert(1)">')
  await expect(page.getByRole('region', { name: 'Preview' }).locator('strong')).toHaveText('Service traffic')
  await expect(page.getByRole('region', { name: 'Preview' }).locator('img')).toHaveCount(0)
  await page.getByRole('button', { name: 'Add a key point' }).click()
  await page.getByRole('textbox', { name: 'Key point 1' }).fill('Not ready: removed from endpoints')
  await page.getByRole('button', { name: 'Save question' }).click()
  await expect(page.getByRole('heading', { name: 'Questions', level: 1 })).toBeVisible()

  // Find it, edit it.
  await page.getByLabel('Search questions').fill('readiness')
  await page.getByRole('button', { name: 'What does a readiness probe decide?' }).click()
  await page.getByRole('button', { name: 'Edit' }).click()
  await expect(page.getByLabel('Question', { exact: true })).toHaveValue('What does a readiness probe decide?')
  await expect(page.getByRole('textbox', { name: 'Key point 1' })).toHaveValue('Not ready: removed from endpoints')
  await page.getByLabel('Question', { exact: true }).fill('What does a readiness probe decide for a Pod?')
  await page.getByRole('button', { name: 'Save question' }).click()
  await page.getByLabel('Search questions').fill('readiness')
  await page.getByRole('button', { name: 'What does a readiness probe decide for a Pod?' }).click()
  expect(readFileSync(join(dataDir, 'banks', 'my-notes.md'), 'utf8')).toContain('## What does a readiness probe decide for a Pod?')

  // Practise it in a round.
  await page.getByRole('button', { name: 'Practise now' }).click()
  await expect(page.getByText('Question 1 of 1')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'What does a readiness probe decide for a Pod?' })).toBeVisible()
  await page.getByRole('button', { name: 'Reveal answer' }).click()
  await page.getByRole('button', { name: '4 solid' }).click()
  await page.getByRole('button', { name: /Finish|Next question/ }).click()
  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()

  // Import a Markdown file through the preview.
  await page.getByRole('button', { name: 'Questions', exact: true }).click()
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.getByTestId('import-files').setInputFiles(NOTES)
  await expect(page.getByText('6 found · 5 ticked')).toBeVisible()
  await expect(page.getByText('qa-lines.md, line 3')).toBeVisible()
  await expect(page.getByText('no answer').first()).toBeVisible()
  expect(readFileSync(join(dataDir, 'banks', 'my-notes.md'), 'utf8')).not.toContain('ReplicaSet')
  await page.getByRole('checkbox', { name: 'What is a Job?' }).uncheck()
  await page.getByLabel('New bank title', { exact: true }).fill('Interview notes')
  await page.getByRole('button', { name: 'Import 4 questions' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^4 questions$/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'What is a ReplicaSet?' })).toBeVisible()

  // Export a bank to Anki text.
  await page.getByText(/Banks: 2 of mine/).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export Interview notes to Anki' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('interview-notes-anki.txt')
  const text = readFileSync(await file.path(), 'utf8')
  expect(text.split('\n').slice(0, 4)).toEqual(['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3'])
  expect(text).toContain('What is a ReplicaSet?\t')
})
