import { type ChildProcess, spawn } from 'node:child_process'
import { killGroup, onInterrupt } from './interrupt.ts'
import { lastLines } from './run-command.ts'

export interface LongRunning {
  child: ChildProcess
  /** Everything it printed so far (stdout and stderr). */
  output(): string
  /** SIGTERM to its process group, SIGKILL after 10 s; resolves once every process of the group is gone. */
  stop(): Promise<void>
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** Starts a long-running command (an app, an emulator) in its own process group, its output captured. */
export function startLongRunning(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): LongRunning {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  child.once('error', (error) => {
    output += `\n${command} could not start: ${error.message}\n`
  })
  const forget = onInterrupt(() => killGroup(child.pid))
  const stop = async () => {
    forget()
    const pid = child.pid
    if (pid === undefined) return
    killGroup(pid, 'SIGTERM')
    const deadline = Date.now() + 10_000
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    killGroup(pid, 'SIGKILL')
    while (groupAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { child, output: () => output, stop }
}

/** Waits until `url` answers at all (any status), failing early if the process exits first. */
export async function waitUntilAnswering(url: string, process_: LongRunning, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const { child } = process_
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before answering at ${url}:\n${lastLines(process_.output())}`)
    }
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s:\n${lastLines(process_.output())}`)
}
