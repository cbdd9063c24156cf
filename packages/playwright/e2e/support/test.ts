import { type AgentTasksOptions, test as base } from '../../src/index.js'
import { type Stack, type StackOptions, startStack } from './stack.js'

interface HarnessWorkerFixtures {
  /** Options for this worker's emulator (a different value starts a different worker). */
  stackOptions: StackOptions
  /** On top of the harness defaults (emulator connection, Ada, `/dashboard`). */
  agentTasksOverrides: AgentTasksOptions
  stack: Stack
}

/**
 * The package's `test`, wired the way a suite whose app is started by a fixture wires it: a worker
 * fixture starts the emulator and the app, and `agentTasks` / `baseURL` are overridden from it.
 */
export const test = base.extend<object, HarnessWorkerFixtures>({
  stackOptions: [{}, { scope: 'worker', option: true }],
  agentTasksOverrides: [{}, { scope: 'worker', option: true }],
  stack: [
    async ({ stackOptions }, use) => {
      const stack = await startStack(stackOptions)
      try {
        await use(stack)
        // Everything that signed in through this worker has been torn down by now: nothing may be live.
        const live = stack.liveAccess()
        if (live.activeSessions.length > 0 || live.pendingTasks.length > 0) {
          throw new Error(`the worker left live access behind: ${JSON.stringify(live)}`)
        }
      } finally {
        await stack.close()
      }
    },
    { scope: 'worker' },
  ],
  agentTasks: [
    async ({ stack, agentTasksOverrides }, use) => {
      await use({
        secretKey: stack.emulator.secretKey,
        apiUrl: stack.emulator.apiUrl,
        allowLiveKeys: stack.emulator.instance === 'production',
        user: { identifier: 'ada@example.com' },
        redirectUrl: `${stack.app.url}/dashboard`,
        ...agentTasksOverrides,
      })
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ stack }, use) => {
    await use(stack.app.url)
  },
})

export { expect } from '../../src/index.js'
