import { createFileRoute } from '@tanstack/react-router'
import { createAgentTaskFn } from '../../create-agent-task-fn'

export const Route = createFileRoute('/programmatic/create')({
  server: {
    handlers: {
      POST: async ({ request }) => {
        const { status, json } = await createAgentTaskFn({ data: await request.json().catch(() => ({})) })
        return new Response(json, { status, headers: { 'content-type': 'application/json' } })
      },
    },
  },
})
