import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasks } from '@agent-tasks/nextjs'

// This profile runs on the edge runtime: the adapter and core must import nothing Node-only.
export const runtime = 'edge'

export const { POST, GET, PUT, PATCH, DELETE } = createAgentTasks(fixtureOptions('admin')).handler
