import { describe, expect, it } from 'vitest'
import { publicApiOf } from './public-api.js'

/**
 * Every framework adapter's server entry. A new adapter adds itself here (and to the bench). Nuxt's
 * main entry is its module, so its server code imports `@agent-tasks/nuxt/server`, as with `@clerk/nuxt`.
 */
const ADAPTERS = [
  '@agent-tasks/astro',
  '@agent-tasks/express',
  '@agent-tasks/fastify',
  '@agent-tasks/nextjs',
  '@agent-tasks/nuxt/server',
  '@agent-tasks/react-router',
  '@agent-tasks/tanstack-react-start',
] as const

/** The names every adapter exports, so a user who knows one adapter knows them all. */
const SHARED_EXPORTS = [
  'AgentTaskError',
  'AgentTaskErrorCode',
  'AgentTaskPage',
  'AgentTaskRecord',
  'AgentTaskStatus',
  'AgentTaskStore',
  'AgentTasks',
  'AgentTasksOptions',
  'CreateAgentTaskInput',
  'CreatedAgentTask',
  'createAgentTasks',
  'createMemoryStore',
  'isAgentTaskError',
  'ListAgentTasksQuery',
  'RevokeAllResult',
]

/** What every adapter's instance offers: the contract, the single route, the programmatic API (approvals too), the store, the guard. */
const SHARED_MEMBERS = ['approvals', 'create', 'guard', 'handler', 'list', 'revoke', 'revokeAll', 'route', 'store']

describe.each(ADAPTERS)('%s', (name) => {
  const api = publicApiOf(name)

  it('exports every shared name', () => {
    expect(api.exports).toEqual(expect.arrayContaining(SHARED_EXPORTS))
  })

  it('offers the same instance members as every adapter', () => {
    expect(api.instanceMembers).toEqual(SHARED_MEMBERS)
  })

  it('exports what its snapshot says (update it on purpose: `vitest run -u`)', () => {
    expect(api).toMatchSnapshot()
  })
})
