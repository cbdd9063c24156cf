import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { createFileRoute } from '@tanstack/react-router'
import { agentTasks } from '../../../agent-tasks'

export const Route = createFileRoute('/programmatic/revoke/$agentTaskId')({
  server: {
    handlers: {
      POST: async ({ params }) => {
        const { status, body } = await programmaticAnswer(200, async () => ({ agentTask: await agentTasks.revoke(params.agentTaskId) }))
        return Response.json(body, { status })
      },
    },
  },
})
