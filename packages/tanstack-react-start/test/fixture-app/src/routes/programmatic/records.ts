import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { createFileRoute } from '@tanstack/react-router'
import { agentTasks } from '../../agent-tasks'

export const Route = createFileRoute('/programmatic/records')({
  server: {
    handlers: {
      GET: async () => {
        const { status, body } = await programmaticAnswer(200, async () => ({ records: (await agentTasks.list()).data }))
        return Response.json(body, { status })
      },
    },
  },
})
