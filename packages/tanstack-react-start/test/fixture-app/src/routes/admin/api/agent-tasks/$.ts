import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasks } from '@agent-tasks/tanstack-react-start'
import { createFileRoute } from '@tanstack/react-router'

const { handler } = createAgentTasks(fixtureOptions('admin'))

export const Route = createFileRoute('/admin/api/agent-tasks/$')({ server: { handlers: handler } })
