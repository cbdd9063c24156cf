import { createAgentTasks } from '@agent-tasks/tanstack-react-start'
import { createFileRoute } from '@tanstack/react-router'

// The adapter's route helper with its defaults, as users write it.
const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' } })

export const Route = createFileRoute('/adapter')({ server: { handlers: { POST: agentTasks.route } } })
