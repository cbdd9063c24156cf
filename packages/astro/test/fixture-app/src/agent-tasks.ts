import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasks } from '@agent-tasks/astro'

// The main profile's one instance: the contract endpoint, the route helper and the programmatic endpoints.
export const agentTasks = createAgentTasks(fixtureOptions('main'))
