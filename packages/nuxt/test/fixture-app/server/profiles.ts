import { fixtureOptions } from '@agent-tasks/conformance/fixture'
import { createAgentTasks } from '@agent-tasks/nuxt/server'

// Instances mounted with the h3 handler in route files of the app's own (rather than the module's
// mount): a catch-all file for the paths below the mount, and an index file for the mount itself.
export const agentFriendly = createAgentTasks(fixtureOptions('agentFriendly'))
export const admin = createAgentTasks(fixtureOptions('admin'))
export const withoutClerk = createAgentTasks()
