import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasks } from '@agent-tasks/astro'

export const prerender = false
export const ALL = createAgentTasks(fixtureOptions('agentFriendly')).handler
