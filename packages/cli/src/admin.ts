/**
 * `@agent-tasks/cli/admin`: what the `agent-tasks` CLI is made of, for tools configured the same way
 * (`@agent-tasks/mcp`): its `.env` and environment rules, emulator discovery and `--live` refusal, user
 * lookup, minting through core, ending access, and the Chromium sign-in that saves a storage state.
 */
export { type AgentSession, agentSessionsOf, type EndedLink, endAgentSession, endAllAgentAccess, endLink } from './agent-access.js'
export { type Admin, adminAgentTasks, type ClerkClient, clerkClientFor, findUser, type Subject } from './clerk-admin.js'
export { CliError, EXIT } from './cli-error.js'
export { type CliConfig, clerkConfig, loadDotEnv } from './config.js'
export { describeFailure } from './failure.js'
export { landingUrl } from './landing.js'
export { type MintInput, mintLink } from './mint-link.js'
export { type BrowserOptions, type SignedInState, signInToStorageState } from './signed-in-state.js'
