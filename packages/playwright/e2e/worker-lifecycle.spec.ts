import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { childEnv } from './support/child-run.js'
import { type Stack, startStack } from './support/stack.js'
import { expect, test } from './support/test.js'

// Runs e2e/nested (7 tests, 2 workers, fully parallel) in a child `playwright test` against an emulator
// owned by this test, then reads the emulator's state: what a whole run minted, used and left behind.

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')
const nestedConfig = fileURLToPath(new URL('./nested/playwright.config.ts', import.meta.url))

interface Recorded {
  kind: 'worker' | 'signInAs'
  workerIndex: number
  parallelIndex: number
  userId: string
  sessionId: string
}

interface NestedRun {
  exitCode: number | null
  /** stdout + stderr + the JSON report. */
  printed: string
  recorded: Recorded[]
  passed: number
}

async function runNested(stack: Stack, mode: 'pool' | 'create' | 'refused'): Promise<NestedRun> {
  const outputDir = test.info().outputPath('nested-results')
  const reportFile = test.info().outputPath('report.json')
  const child = spawn(process.execPath, [playwrightCli, 'test', '-c', nestedConfig, '--reporter=list,json'], {
    env: childEnv(stack, { NESTED_MODE: mode, NESTED_OUTPUT_DIR: outputDir, PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  child.stdout.on('data', (chunk: Buffer) => {
    printed += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    printed += chunk.toString()
  })
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  const reportText = readFileSync(reportFile, 'utf8')
  const report = JSON.parse(reportText) as {
    stats: { expected: number }
    suites: Array<{ specs: Array<{ tests: Array<{ results: Array<{ annotations: Array<{ type: string; description?: string }> }> }> }> }>
  }
  const recorded = report.suites
    .flatMap((suite) => suite.specs)
    .flatMap((spec) => spec.tests)
    .flatMap((t) => t.results)
    .flatMap((result) => result.annotations)
    .filter((annotation) => annotation.type === 'signed-in')
    .map((annotation) => JSON.parse(annotation.description ?? '{}') as Recorded)
  return { exitCode, printed: `${printed}\n${reportText}`, recorded, passed: report.stats.expected }
}

function expectNoLinkPrinted(run: NestedRun) {
  expect(run.printed).not.toMatch(/ticket=(?!\[redacted\])/)
  expect(run.printed).not.toContain('/v1/agents/tasks?')
  expect(run.printed).not.toMatch(/__clerk_handshake=(?!\[redacted\])/)
}

function byWorker(recorded: Recorded[]): Map<number, Recorded[]> {
  const groups = new Map<number, Recorded[]>()
  for (const entry of recorded.filter((r) => r.kind === 'worker')) {
    groups.set(entry.workerIndex, [...(groups.get(entry.workerIndex) ?? []), entry])
  }
  return groups
}

test.describe('a whole run', () => {
  test.describe.configure({ mode: 'parallel', timeout: 120_000 })

  let stack: Stack
  test.beforeEach(async () => {
    stack = await startStack()
  })
  test.afterEach(async () => {
    await stack.close()
  })

  test('signs in once per worker, as the user picked for the worker, and leaves no live access', async () => {
    const run = await runNested(stack, 'pool')
    expect(run.exitCode, run.printed).toBe(0)
    expect(run.passed).toBe(7)

    const workers = byWorker(run.recorded)
    expect(workers.size).toBe(2)
    for (const entries of workers.values()) {
      // One session per worker, shared by all its tests, for the user of its parallelIndex.
      expect(new Set(entries.map((e) => e.sessionId)).size).toBe(1)
      const pooled = stack.emulator.users.findByEmail(`pool-${entries[0]?.parallelIndex}@example.com`)
      expect(entries.every((e) => e.userId === pooled?.id)).toBe(true)
    }
    const workerSessions = [...workers.values()].map((entries) => entries[0]?.sessionId)
    expect(new Set(workerSessions).size).toBe(2)

    // Links minted: one per worker, plus the signInAs test's. All used; every session ended.
    const tasks = stack.emulator.state.agentTasks()
    expect(tasks).toHaveLength(3)
    expect(tasks.every((t) => t.status === 'used')).toBe(true)
    const sessions = stack.emulator.state.sessions()
    expect(sessions).toHaveLength(3)
    expect(sessions.map((s) => s.status)).toEqual(['revoked', 'revoked', 'revoked'])
    expect(sessions.every((s) => s.agentTaskId && s.actor?.type === 'agent')).toBe(true)
    expectNoLinkPrinted(run)
  })

  test('user: { create: true } creates a user per worker and deletes it at teardown', async () => {
    const usersBefore = stack.emulator.users.list().map((u) => u.id)
    const run = await runNested(stack, 'create')
    expect(run.exitCode, run.printed).toBe(0)

    const workers = byWorker(run.recorded)
    expect(workers.size).toBe(2)
    const createdIds = [...workers.values()].map((entries) => entries[0]?.userId)
    expect(new Set(createdIds).size).toBe(2)
    for (const id of createdIds) expect(usersBefore).not.toContain(id)

    expect(stack.emulator.users.list().map((u) => u.id)).toEqual(usersBefore)
    expect(stack.liveAccess()).toEqual({ activeSessions: [], pendingTasks: [] })
    expectNoLinkPrinted(run)
  })

  test('when every sign-in fails, the run says why, prints no link and revokes every link it minted', async () => {
    const run = await runNested(stack, 'refused')
    expect(run.exitCode).toBe(1)
    expect(run.printed).toContain('AgentTaskSignInError: Clerk refused the agent-task link (HTTP 400 agent_task_cannot_be_used)')
    const tasks = stack.emulator.state.agentTasks()
    expect(tasks.length).toBeGreaterThan(0)
    expect(tasks.map((t) => t.status)).toEqual(tasks.map(() => 'revoked'))
    expect(stack.emulator.state.sessions()).toHaveLength(0)
    expectNoLinkPrinted(run)
  })
})
