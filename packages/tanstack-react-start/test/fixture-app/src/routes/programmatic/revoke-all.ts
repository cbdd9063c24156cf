import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { createFileRoute } from '@tanstack/react-router'
import { agentTasks } from '../../agent-tasks'

export const Route = createFileRoute('/programmatic/revoke-all')({
  server: {
    handlers: {
      POST: async () => {
        const { status, body } = await programmaticAnswer(200, () => agentTasks.revokeAll())
        return Response.json(body, { status })
      },
    },
  },
})
