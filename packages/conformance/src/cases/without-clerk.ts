import { expect, it } from 'vitest'
import type { SuiteContext } from '../context.js'
import { expectProblem } from '../expect-problem.js'

/** Without the framework's Clerk middleware: a `misconfigured` error naming the framework's own fix. */
export function withoutClerkCases(ctx: () => SuiteContext): void {
  it('explains the missing Clerk middleware with the framework’s fix, and never calls Clerk', async () => {
    const c = ctx()
    const { fix, start } = c.target.withoutClerk
    const before = c.emulator.state.requests().length
    const started = await start(c.emulator)
    if ('startupError' in started) {
      expect(started.startupError).toMatchObject({ name: 'AgentTaskError', code: 'misconfigured' })
      expect((started.startupError as Error).message).toContain(fix)
    } else {
      try {
        for (const path of ['', '/agt_123/revoke']) {
          const result = await c.request({ ...started.app, routePath: '', programmaticPath: '' }, path, { bearer: c.ada.token })
          expectProblem(result, 500, 'misconfigured')
          expect(result.body.detail).toContain(fix)
          expect(result.body.detail).toContain('Clerk')
        }
        const printed = [...c.output, started.app.output?.() ?? ''].join('\n')
        expect(printed).toContain(fix)
      } finally {
        await started.app.close()
      }
    }
    expect(c.emulator.state.requests().length).toBe(before)
  })
}
