/**
 * A small tmpfs for disk-full tests: real ENOSPC from the kernel, partial writes included. Needs
 * root (mount); where mounting is not allowed the tests that need it are skipped with the reason.
 */
import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SmallDisk {
  dir: string
  /** Fills the disk to the last byte. */
  fill(): void
  /** Frees what fill() took. */
  free(): void
  unmount(): void
}

function tryMount(kb: number): SmallDisk | string {
  const dir = mkdtempSync(join(tmpdir(), 'idrill-tmpfs-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    return `cannot mount a tmpfs here (${String((e as Error).message).split('\n')[0]}): disk-full tests skipped`
  }
  const filler = join(dir, 'filler')
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a')
      const chunk = Buffer.alloc(4096)
      try {
        for (;;) writeSync(fd, chunk)
      } catch {
        // ENOSPC: full. Fill the last bytes too.
        try {
          for (;;) if (writeSync(fd, chunk, 0, 1) === 0) break
        } catch {
          // full to the byte
        }
      } finally {
        closeSync(fd)
      }
    },
    free: () => rmSync(filler, { force: true }),
    unmount() {
      execFileSync('umount', [dir])
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Mounts a tmpfs of `kb` KiB, or returns why it cannot (then skip). */
export function smallDisk(kb = 2048): SmallDisk | string {
  return process.getuid?.() === 0 ? tryMount(kb) : 'not root: cannot mount a tmpfs; disk-full tests skipped'
}
