export { BrowserAgentError, type BrowserAgentErrorCode } from './errors.js'
export {
  type AgentTaskAccess,
  type BrowserAgentCleanup,
  type BrowserAgentResult,
  type BrowserAgentStep,
  type BrowserUseTasks,
  type RunBrowserAgentOptions,
  runBrowserAgent,
} from './run-browser-agent.js'
export { type BrowserUseWebhookEvent, createBrowserUseWebhookHandler, type WebhookHandlerOptions } from './webhook.js'
export { createMemoryWebhookClaims, type MemoryWebhookClaimsOptions, type WebhookClaims } from './webhook-claims.js'
