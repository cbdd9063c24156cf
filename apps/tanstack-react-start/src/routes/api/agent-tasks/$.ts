import { createFileRoute } from '@tanstack/react-router'
import { agentTasks } from '../../../agent-tasks'

// The whole agent-tasks contract: POST /api/agent-tasks and POST /api/agent-tasks/:id/revoke.
export const Route = createFileRoute('/api/agent-tasks/$')({ server: { handlers: agentTasks.handler } })
