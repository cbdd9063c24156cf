import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { childEnv, runningInGroup, until } from './support/child-run.js'
import { type SlowProxy, startSlowProxy } from './support/slow-proxy.js'
import { type Stack, startStack } from './support/stack.js'
import { expect, test } from './support/test.js'

// A plain script (e2e/support/sign-in-script.mjs, the built package) interrupted while signInWithAgentTask()
// is under way: the package's signal handler ends what the sign-in minted, then the script exits with the
// signal's code. Without it, the signal ends the script at once and the link (or its session) stays live.

const script = fileURLToPath(new URL('./support/sign-in-script.mjs', import.meta.url))

test.describe('a script interrupted during signInWithAgentTask()', () => {
  test.describe.configure({ timeout: 60_000 })

  let stack: Stack
  let clerk: SlowProxy
  test.beforeEach(async () => {
    stack = await startStack()
    clerk = await startSlowProxy(stack.emulator.apiUrl, [{ method: 'POST', path: '/v1/agents/tasks', delayMs: 2000 }])
  })
  test.afterEach(async () => {
    await clerk.close()
    await stack.close()
  })

  const cases = [
    {
      name: 'Ctrl-C while the link is being minted',
      signal: 'SIGINT',
      exitCode: 130,
      reached: () => until(() => clerk.inFlight('POST', '/v1/agents/tasks') > 0, 30_000, 'a mint in flight'),
    },
    {
      name: 'SIGTERM after the link was used, while the app is loading',
      signal: 'SIGTERM',
      exitCode: 143,
      reached: () => until(() => stack.emulator.state.sessions().length > 0, 30_000, 'a used link'),
    },
  ] as const

  for (const { name, signal, exitCode, reached } of cases) {
    test(`${name}: ends what it minted, then exits ${exitCode}`, async () => {
      let printed = ''
      const child = spawn(process.execPath, [script], {
        env: childEnv(stack, { CLERK_API_URL: clerk.url, APP_URL: stack.app.url }),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      })
      const groupId = child.pid ?? 0
      child.stdout?.on('data', (chunk: Buffer) => {
        printed += chunk.toString()
      })
      child.stderr?.on('data', (chunk: Buffer) => {
        printed += chunk.toString()
      })
      const exited = new Promise<string>((resolve) => child.once('exit', (code, killedBy) => resolve(`${code ?? killedBy}`)))
      let ended: string
      try {
        await Promise.race([reached(), exited.then(() => Promise.reject(new Error(`the script ended early:\n${printed}`)))])
        process.kill(-groupId, signal)
        ended = await exited
        await until(() => clerk.unanswered() === 0, 10_000, 'Clerk to have answered every call of the script')
      } finally {
        if (runningInGroup(groupId).length > 0) process.kill(-groupId, 'SIGKILL')
      }
      expect(printed).not.toContain('signed in')
      expect(stack.liveAccess(), printed).toEqual({ activeSessions: [], pendingTasks: [] })
      expect(stack.emulator.state.agentTasks().length).toBe(1)
      expect(ended, printed).toBe(String(exitCode))
    })
  }
})
