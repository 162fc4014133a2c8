/**
 * Child processes of the bench (issue #12): a fresh Node (`--expose-gc --import tsx`) runs a script
 * so that the bench's own heap and garbage do not count in what it measures. The child prints its
 * result as its last stdout line, in JSON that keeps NaN and ±Infinity (rows use them); its progress
 * lines on stderr are passed through. A child that fails or overruns its time limit is stopped and
 * becomes an Error with a clear message, never a crash of the bench.
 */
import { spawn } from 'node:child_process'

const NUM = '\u0000num:'
/** JSON that keeps NaN and ±Infinity (JSON.stringify would turn them into null). */
export const encodeResult = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? `${NUM}${x}` : x))
export const decodeResult = <T>(line: string): T =>
  JSON.parse(line, (_k, x: unknown) => (typeof x === 'string' && x.startsWith(NUM) ? Number(x.slice(NUM.length)) : x)) as T

/** Runs `node --expose-gc --import tsx script ...args` and returns its last stdout line, decoded. */
export function runChild<T>(script: string, args: string[], timeoutMs = 0): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let killed = false
    p.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
    p.stderr.setEncoding('utf8').on('data', (d: string) => {
      err = (err + d).slice(-64 * 1024)
      process.stderr.write(d.replace(/^(?=.)/gm, '  [child] '))
    })
    const timer = timeoutMs > 0 ? setTimeout(() => ((killed = true), p.kill('SIGKILL')), timeoutMs) : null
    p.on('error', (e) => (timer && clearTimeout(timer), reject(e)))
    p.on('close', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (killed) return reject(new Error(`did not finish within ${Math.round(timeoutMs / 1000)} s (stopped)`))
      const last = out.trim().split('\n').pop() ?? ''
      if (code === 0 && last) {
        try {
          return resolve(decodeResult<T>(last))
        } catch {
          return reject(new Error(`child process printed no result: ${last.slice(0, 200)}`))
        }
      }
      // The error line of the child's stack trace (its last line is only Node's version).
      const lines = err.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l) && !l.startsWith('[bench'))
      const why = lines.filter((l) => /\w*Error\b/.test(l)).pop() ?? lines.pop() ?? `exit ${code ?? signal}`
      reject(new Error(`child process failed: ${why.trim()}`))
    })
  })
}
