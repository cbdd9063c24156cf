import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasks } from '@agent-tasks/nuxt/server'

// The main profile's one instance: the module mounts it at /api/agent-tasks; the route helper and the
// programmatic routes reach it as `#agent-tasks`.
export const agentTasks = createAgentTasks(fixtureOptions('main'))
