/**
 * The adapter kit: what a framework adapter is built from. See "Adding a framework" in the README.
 */
export { type AdapterKit, type AdapterOptions, createAdapterKit } from './create-adapter-kit.js'
export type { AgentTasksApprovals, AgentTasksBase, AgentTasksMethod, CurrentRequestAgentTasksBase } from './instance.js'
export type { AgentGuard, GuardedRequest } from './guard.js'
export { envClerkClient } from './env-clerk-client.js'
export { lazyClerkClient } from './lazy-clerk-client.js'
export { authUnlessMiddlewareMissing } from './read-auth.js'
export { hostHeaderOrigin } from './request-origin.js'
export type { FrameworkAdapter } from './framework-adapter.js'
export type { BodyLimits, ContractRequest, ContractResponse, RequestBody } from '../http/contract.js'
export { contractPatterns, contractRoutes, matchRoute, pathBelow, pathBelowCatchAll } from '../http/routes.js'
export { toWebResponse } from '../http/responses.js'
export { reportUnexpected } from '../http/error-response.js'
export { type PreParsedBody, webContractRequest } from '../http/web-request.js'
