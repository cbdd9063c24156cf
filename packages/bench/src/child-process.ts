import type { ChildProcess } from 'node:child_process'

const KEPT_OUTPUT = 20_000

/** Collects what a child prints (the last few kB), to show when something goes wrong. */
export function captureOutput(child: ChildProcess): () => string {
  let printed = ''
  const collect = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-KEPT_OUTPUT)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  return () => printed
}

/** SIGTERM, then SIGKILL if it is still running 5 s later. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
  })
}

/** Rejects when the child exits, for racing against "it is ready". */
export function exitOf(child: ChildProcess, what: string, output: () => string): Promise<never> {
  return new Promise((_resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`${what} exited (${signal ?? `code ${code}`}) before it was ready:\n${output()}`)))
  })
}
