import { spawn } from 'node:child_process'
import { EXIT } from '../exit-codes.js'
import { exitCodeForSignal, type SignalRelay } from './signals.js'

/** How the command ended: its exit code (128+n for signal n), or the error that kept it from starting. */
export type ChildOutcome = { code: number } | { code: number; spawnError: NodeJS.ErrnoException }

/**
 * Runs `file` with `args` (no shell), stdio inherited, its `argv[0]` as the user typed it, signals relayed
 * to it, and resolves when it exits.
 */
export function runChild(
  file: string,
  argv0: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  relay: SignalRelay,
): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { argv0, cwd, env, stdio: 'inherit' })
    relay.attach(child)
    child.on('error', (error: NodeJS.ErrnoException) => {
      // A failed start has no pid; other errors (a signal that could not be sent) leave 'exit' to settle it.
      if (child.pid !== undefined) return
      const code = error.code === 'ENOENT' ? EXIT.notFound : error.code === 'EACCES' ? EXIT.notExecutable : EXIT.error
      resolve({ code, spawnError: error })
    })
    child.once('exit', (code, signal) => {
      resolve({ code: signal ? exitCodeForSignal(signal) : (code ?? EXIT.error) })
    })
  })
}
