import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { childEnv, runningInGroup, until } from './support/child-run.js'
import { type SlowProxy, startSlowProxy } from './support/slow-proxy.js'
import { type Stack, startStack } from './support/stack.js'
import { expect, test } from './support/test.js'

// Interrupts a real `playwright test` run (e2e/nested/interrupted.spec.ts: 4 workers signing in at once,
// half as a user they create) at different moments, the way Ctrl-C (SIGINT to the runner's process group),
// `kill -INT <runner>` and a cancelled CI job (SIGTERM to the group) do, waits until every process of the run
// has exited, then reads the emulator: no link may still be pending, no agent session still active, no
// created user left. The Backend API is slow (a proxy holds user creation and minting for 3 s), so
// some interrupts land while a call to Clerk is in flight and its answer only arrives after the worker stopped.

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')
const interruptConfig = fileURLToPath(new URL('./nested/interrupt.config.ts', import.meta.url))

interface Run {
  startedAt: number
  printed: () => string
  stack: Stack
  clerk: SlowProxy
}

interface InterruptPoint {
  name: string
  signal: 'SIGINT' | 'SIGTERM'
  /** `group`: the runner and its workers (a terminal's Ctrl-C, most CI cancels); `runner`: its pid only. */
  to: 'group' | 'runner'
  /** Resolves at the moment to interrupt. */
  reached(run: Run): Promise<void>
}

const after = (ms: number) => (run: Run) => until(() => Date.now() - run.startedAt >= ms, ms + 1000, `${ms} ms`)
const inFlight = (method: string, path: string) => (run: Run) =>
  until(() => run.clerk.inFlight(method, path) > 0, 30_000, `${method} ${path} in flight`)

const points: InterruptPoint[] = [
  { name: 'Ctrl-C after 0.5 s', signal: 'SIGINT', to: 'group', reached: after(500) },
  { name: 'Ctrl-C after 1.5 s', signal: 'SIGINT', to: 'group', reached: after(1500) },
  { name: 'SIGINT to the runner alone after 3 s', signal: 'SIGINT', to: 'runner', reached: after(3000) },
  { name: 'Ctrl-C while a test user is being created', signal: 'SIGINT', to: 'group', reached: inFlight('POST', '/v1/users') },
  { name: 'Ctrl-C while a link is being minted', signal: 'SIGINT', to: 'group', reached: inFlight('POST', '/v1/agents/tasks') },
  {
    name: 'SIGTERM to the group as the first link is used',
    signal: 'SIGTERM',
    to: 'group',
    reached: (run) => until(() => run.stack.emulator.state.sessions().length > 0, 30_000, 'a used link'),
  },
  {
    name: 'Ctrl-C after the first test passed',
    signal: 'SIGINT',
    to: 'group',
    reached: (run) => until(() => run.printed().includes('✓'), 45_000, 'a passed test'),
  },
]

test.describe('an interrupted run', () => {
  test.describe.configure({ timeout: 90_000 })

  let stack: Stack
  let clerk: SlowProxy
  test.beforeEach(async () => {
    stack = await startStack()
    clerk = await startSlowProxy(stack.emulator.apiUrl, [
      { method: 'POST', path: '/v1/users', delayMs: 3000 },
      { method: 'POST', path: '/v1/agents/tasks', delayMs: 3000 },
    ])
    stack.emulator.faults.add({ method: 'GET', path: '/v1/agents/tasks', latencyMs: 300 }) // using the link
  })
  test.afterEach(async () => {
    await clerk.close()
    await stack.close()
  })

  for (const point of points) {
    test(`${point.name} leaves no live access`, async () => {
      const usersBefore = stack.emulator.users.list().map((u) => u.id)
      let printed = ''
      const child = spawn(process.execPath, [playwrightCli, 'test', '-c', interruptConfig], {
        env: childEnv(stack, { CLERK_API_URL: clerk.url, NESTED_OUTPUT_DIR: test.info().outputPath('interrupted-results') }),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group, as a shell gives a foreground job
      })
      const groupId = child.pid ?? 0
      child.stdout?.on('data', (chunk: Buffer) => {
        printed += chunk.toString()
      })
      child.stderr?.on('data', (chunk: Buffer) => {
        printed += chunk.toString()
      })
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      try {
        const run: Run = { startedAt: Date.now(), printed: () => printed, stack, clerk }
        const reached = await Promise.race([point.reached(run).then(() => true), exited.then(() => false)])
        expect(reached, `the run ended before the interrupt point:\n${printed}`).toBe(true)

        process.kill(point.to === 'group' ? -groupId : groupId, point.signal)
        const atSignal = {
          creatingUsers: clerk.inFlight('POST', '/v1/users'),
          minting: clerk.inFlight('POST', '/v1/agents/tasks'),
          links: stack.emulator.state.agentTasks().map((t) => t.status),
          sessions: stack.emulator.state.sessions().map((s) => s.status),
        }
        test.info().annotations.push({ type: 'at-interrupt', description: JSON.stringify(atSignal) })

        await exited
        // SIGTERM ends the runner at once; its workers notice, tear down and exit on their own.
        await until(() => runningInGroup(groupId).length === 0, 40_000, 'every process of the run to exit')
        // A call still held by the slow Clerk reaches it after its caller is gone, and may create something.
        await until(() => clerk.unanswered() === 0, 10_000, 'Clerk to have answered every call of the run')
      } finally {
        if (runningInGroup(groupId).length > 0) process.kill(-groupId, 'SIGKILL')
      }

      expect(stack.liveAccess(), printed).toEqual({ activeSessions: [], pendingTasks: [] })
      expect(stack.emulator.users.list().map((u) => u.id)).toEqual(usersBefore)
      expect(printed).not.toMatch(/ticket=(?!\[redacted\])/)
      expect(printed).not.toContain('/v1/agents/tasks?')
    })
  }
})
