import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built CLI, as `npx agent-tasks-emulator` runs it. */
export const BIN = fileURLToPath(new URL('../../bin/agent-tasks-emulator.js', import.meta.url))

export interface Ran {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface Started {
  child: ChildProcess
  output: { stdout: string; stderr: string }
  /** Resolves once stdout contains `text`. */
  waitForStdout(text: string): Promise<void>
  exited: Promise<Ran>
}

/**
 * Starts the built bin in a child process with only `PATH` from this process's environment (so no
 * Clerk key of the machine leaks in) plus `env`, in `cwd`.
 */
export function startBin(args: string[], options: { env?: Record<string, string>; cwd: string }): Started {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = { stdout: '', stderr: '' }
  const waiters: { text: string; resolve(): void }[] = []
  child.stdout?.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString()
    for (const waiter of waiters.splice(0)) {
      if (output.stdout.includes(waiter.text)) waiter.resolve()
      else waiters.push(waiter)
    }
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString()
  })
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal, ...output }) as Ran)
  return {
    child,
    output,
    exited,
    waitForStdout: (text) =>
      new Promise<void>((resolve, reject) => {
        if (output.stdout.includes(text)) return resolve()
        waiters.push({ text, resolve })
        exited.then((ran) => reject(new Error(`exited (${ran.code}) before printing "${text}": ${ran.stderr}`)), reject)
      }),
  }
}

export function runBin(args: string[], options: { env?: Record<string, string>; cwd: string }): Promise<Ran> {
  return startBin(args, options).exited
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  server.close()
  await once(server, 'close')
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}
