import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasksHandler } from '@agent-tasks/nextjs'

export const { POST, GET, PUT, PATCH, DELETE } = createAgentTasksHandler(fixtureOptions('agentFriendly'))
