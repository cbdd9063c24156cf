import { spawn } from 'node:child_process'
import { killGroup, onInterrupt } from './interrupt.ts'

export interface RunOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  /** The command is killed (its whole process group) after this long. */
  timeoutMs: number
}

export interface RunResult {
  stdout: string
  stderr: string
}

/** The last `count` lines of `text`: a failing command's story without its whole log. */
export function lastLines(text: string, count = 40): string {
  return text.trimEnd().split('\n').slice(-count).join('\n')
}

/**
 * Runs a command to its end with its output captured (no shell). Rejects with the command line, its exit
 * code and the end of its output when it fails or outlives `timeoutMs`.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const line = [command, ...args].join(' ')
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout also ends what it started (npm → node → a framework build).
      detached: true,
    })
    let stdout = ''
    let stderr = ''
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      output += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      output += chunk
    })
    const forget = onInterrupt(() => killGroup(child.pid))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child.pid)
    }, options.timeoutMs)
    child.once('error', (error) => {
      clearTimeout(timer)
      forget()
      reject(new Error(`${line} (in ${options.cwd}) could not start: ${error.message}`))
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      forget()
      if (code === 0) {
        resolve({ stdout, stderr })
        return
      }
      const why = timedOut ? `did not finish within ${options.timeoutMs / 1000} s` : signal ? `was killed by ${signal}` : `exited with code ${code}`
      reject(new Error(`${line} (in ${options.cwd}) ${why}:\n${lastLines(output)}`))
    })
  })
}
