import { guardedAnswer } from '@agent-tasks/conformance/fixture'
import { createFileRoute } from '@tanstack/react-router'

export const Route = createFileRoute('/api/billing')({
  server: { handlers: { GET: () => Response.json(guardedAnswer('billing')) } },
})
