import { createAgentTasks } from '@agent-tasks/tanstack-react-start'
import { createFileRoute } from '@tanstack/react-router'

// src/start.ts skips Clerk's middleware here.
const { handler } = createAgentTasks()

export const Route = createFileRoute('/no-middleware/api/agent-tasks/$')({ server: { handlers: handler } })
