import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasks } from '@agent-tasks/tanstack-react-start'
import { createFileRoute } from '@tanstack/react-router'

const { handler } = createAgentTasks(fixtureOptions('agentFriendly'))

export const Route = createFileRoute('/agent-friendly/api/agent-tasks/$')({ server: { handlers: handler } })
