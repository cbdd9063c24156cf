import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasks } from '@agent-tasks/nextjs'

export const { POST, GET, PUT, PATCH, DELETE } = createAgentTasks(fixtureOptions('agentFriendly')).handler
