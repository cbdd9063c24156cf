import { spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { childEnv } from './support/child-run.js'
import { startStack } from './support/stack.js'
import { expect, test } from './support/test.js'

// Runs e2e/nested/saved-state.config.ts (4 tests, 2 workers) in a child `playwright test`: its global
// setup signs in once and saves the state; every test of both workers starts from that file.

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli')
const config = fileURLToPath(new URL('./nested/saved-state.config.ts', import.meta.url))

interface Recorded {
  workerIndex: number
  userId: string
  sessionId: string
  agentTaskId: string
}

test('a state saved once is reused by every worker, listed as an agent session like any other, and ended after the run', async () => {
  test.setTimeout(120_000)
  const stack = await startStack()
  try {
    const stateFile = test.info().outputPath('.auth', 'ada.json')
    const reportFile = test.info().outputPath('report.json')
    const child = spawn(process.execPath, [playwrightCli, 'test', '-c', config, '--reporter=list,json'], {
      env: childEnv(stack, { NESTED_STATE_FILE: stateFile, NESTED_OUTPUT_DIR: test.info().outputPath('nested-results'), PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let printed = ''
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()))
    const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(exitCode, printed).toBe(0)

    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
      stats: { expected: number }
      suites: Array<{ specs: Array<{ tests: Array<{ results: Array<{ annotations: Array<{ type: string; description?: string }> }> }> }> }>
    }
    expect(report.stats.expected).toBe(4)
    const recorded = report.suites
      .flatMap((suite) => suite.specs.flatMap((spec) => spec.tests.flatMap((t) => t.results.flatMap((r) => r.annotations))))
      .filter((annotation) => annotation.type === 'signed-in')
      .map((annotation) => JSON.parse(annotation.description ?? '{}') as Recorded)
    expect(recorded).toHaveLength(4)
    expect(new Set(recorded.map((r) => r.workerIndex)).size).toBe(2)

    // One link, one session, for the whole run: every test of both workers had it.
    const [task, ...otherTasks] = stack.emulator.state.agentTasks()
    expect(otherTasks).toEqual([])
    expect(task).toMatchObject({ userId: stack.ada.id, status: 'used' })
    for (const r of recorded) expect(r).toMatchObject({ userId: stack.ada.id, sessionId: task?.sessionId, agentTaskId: task?.id })

    // The file was written private, and the global setup's teardown ended the session it holds.
    expect(statSync(stateFile).mode & 0o777).toBe(0o600)
    expect(stack.emulator.state.sessions().map((s) => [s.id, s.status])).toEqual([[task?.sessionId, 'revoked']])
    expect(printed).not.toContain('/v1/agents/tasks?')
  } finally {
    await stack.close()
  }
})
