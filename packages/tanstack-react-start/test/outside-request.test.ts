import { AgentTaskError, createAgentTasks } from '@agent-tasks/tanstack-react-start'
import { describe, expect, it } from 'vitest'

describe('the programmatic API outside a request', () => {
  it('throws misconfigured naming where to call it, before any Clerk call', async () => {
    const agentTasks = createAgentTasks({ clerkClient: () => expect.unreachable('no Clerk call') })
    for (const call of [() => agentTasks.create({}), () => agentTasks.revoke('agt_123')]) {
      const error = await call().catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(AgentTaskError)
      expect(error).toMatchObject({ code: 'misconfigured', status: 500 })
      expect((error as Error).message).toMatch(/server function \(createServerFn\) or a server route handler/)
    }
  })
})
