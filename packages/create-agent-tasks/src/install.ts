import { spawn } from 'node:child_process'
import type { PackageManager } from './package-manager.js'
import type { Ui } from './ui.js'

export type Installed = { ok: true } | { ok: false; interrupted: boolean; reason: string; output: string }

/** The most of the manager's output kept to show when it fails (its end says why). */
const KEPT_OUTPUT = 200_000

/**
 * `<manager> install` in `cwd` behind a progress line naming the manager. Its output is kept, not
 * shown, unless it fails. Ctrl-C (or SIGTERM) stops the install and reports it interrupted.
 */
export function install(manager: PackageManager, cwd: string, ui: Ui): Promise<Installed> {
  const progress = ui.progress(`Installing dependencies with ${manager}`)
  return new Promise((resolve) => {
    let output = ''
    let settled = false
    let interrupted = false
    // Windows runs npm, pnpm and yarn through their .cmd shims, which need a shell.
    const child = spawn(manager, ['install'], { cwd, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' })
    const interrupt = (signal: NodeJS.Signals) => {
      interrupted = true
      child.kill(signal)
    }
    process.on('SIGINT', interrupt)
    process.on('SIGTERM', interrupt)
    const settle = (result: Installed, message: string) => {
      if (settled) return
      settled = true
      process.off('SIGINT', interrupt)
      process.off('SIGTERM', interrupt)
      if (result.ok) progress.done(message)
      else progress.failed(message)
      resolve(result)
    }
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-KEPT_OUTPUT)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'ENOENT' ? `${manager} was not found on PATH: install it, or choose another with --package-manager` : `${manager} could not be started: ${error.message}`
      settle({ ok: false, interrupted: false, reason, output }, `${manager} install did not run`)
    })
    child.on('close', (code, signal) => {
      if (code === 0 && !interrupted) return settle({ ok: true }, `Installed dependencies with ${manager}`)
      if (interrupted) return settle({ ok: false, interrupted, reason: `${manager} install was interrupted`, output: '' }, `${manager} install interrupted`)
      const reason = `${manager} install ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}`
      settle({ ok: false, interrupted, reason, output }, `${manager} install failed`)
    })
  })
}
