import { createFileRoute } from '@tanstack/react-router'
import { agentTasks } from '../agent-tasks'

// The hand-written route of Clerk's docs, in one line, at the app's own path.
export const Route = createFileRoute('/create-agent-task')({ server: { handlers: { POST: agentTasks.route } } })
