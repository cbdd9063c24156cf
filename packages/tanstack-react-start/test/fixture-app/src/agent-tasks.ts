import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasks } from '@agent-tasks/tanstack-react-start'

// The main profile's one instance: the contract route, the route helper and the programmatic routes.
export const agentTasks = createAgentTasks(fixtureOptions('main'))
