import { createFileRoute } from '@tanstack/react-router'
import { agentTasks } from '../../../agent-tasks'

export const Route = createFileRoute('/api/agent-tasks/$')({ server: { handlers: agentTasks.handler } })
