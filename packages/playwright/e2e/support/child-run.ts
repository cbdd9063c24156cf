import { readdirSync, readFileSync } from 'node:fs'
import type { Stack } from './stack.js'

/** The child gets the environment a CI job would have, without this run's own Playwright variables. */
export function childEnv(stack: Stack, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(TEST_|PW_|PLAYWRIGHT_)/.test(name) && name !== 'NODE_OPTIONS'),
  )
  return {
    ...env,
    CLERK_SECRET_KEY: stack.emulator.secretKey,
    CLERK_API_URL: stack.emulator.apiUrl,
    NESTED_APP_URL: stack.app.url,
    FORCE_COLOR: '0',
    ...extra,
  }
}

/**
 * Processes of a process group that are still running (zombies excluded: a worker whose runner died is
 * reparented, and nobody may reap it). Linux only: reads /proc.
 */
export function runningInGroup(groupId: number): number[] {
  const running: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // gone meanwhile
    }
    // "pid (comm) state ppid pgrp …" — comm may contain spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(pgrp) === groupId && state !== 'Z' && state !== 'X') running.push(Number(entry))
  }
  return running
}

/** Polls `check` every 10 ms until it returns true; throws `what` after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
