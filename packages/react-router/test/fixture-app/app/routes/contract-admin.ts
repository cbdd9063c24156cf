import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasks } from '@agent-tasks/react-router'

const { handler } = createAgentTasks(fixtureOptions('admin'))

// React Router strips loaders and actions from the client build, which needs one export each.
export const loader = handler.loader
export const action = handler.action
