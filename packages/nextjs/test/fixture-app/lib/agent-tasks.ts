import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasks } from '@agent-tasks/nextjs'

// The main profile's one instance: the contract route, the route helper, the programmatic routes and
// the Server Actions all use it, as an app would.
export const agentTasks = createAgentTasks(fixtureOptions('main'))
