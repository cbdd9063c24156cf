import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import type { CreateAgentTaskInput } from '@agent-tasks/tanstack-react-start'
import { createServerFn } from '@tanstack/react-start'
import { agentTasks } from './agent-tasks'

// The programmatic API from a server function, as an app's own UI would call it. Its result crosses
// the server-function boundary, so the answer travels as JSON text.
export const createAgentTaskFn = createServerFn({ method: 'POST' })
  .validator((input: unknown) => input as CreateAgentTaskInput)
  .handler(async ({ data }) => {
    const { status, body } = await programmaticAnswer(201, async () => ({ agentTask: await agentTasks.create(data) }))
    return { status, json: JSON.stringify(body) }
  })
