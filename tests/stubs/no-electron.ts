// Outside the shell tests nothing may load Electron: the domain, the handlers and the renderer run
// without it. vitest.config.ts points `electron` here for the unit project, so a stray import fails.
throw new Error('electron was imported outside a shell: src-main/core, handlers, services and the renderer must not import it')
