import { dialog, type BrowserWindow } from 'electron'

/** issue-10: the native "open" dialog for imports: Markdown or Anki text files, or folders of them. */
export async function openImportDialog(win: BrowserWindow | null): Promise<string[] | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import questions',
    buttonLabel: 'Import',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
    filters: [
      { name: 'Markdown and Anki text', extensions: ['md', 'markdown', 'txt', 'tsv'] },
      { name: 'All files', extensions: ['*'] }
    ]
  }
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : result.filePaths
}
