/**
 * `@agent-tasks/mcp/server-tool`: the `create_browser_session` tool for an MCP server the app hosts,
 * minting through the app's own agent-tasks instance. Free of the stdio server's dependencies
 * (the CLI's code, Chromium): it needs only zod and `@agent-tasks/core`.
 */
export type { CurrentRequestAgentTasks, RequestBoundAgentTasks } from './agent-tasks-shapes.js'
export { type BrowserSessionTool, createBrowserSessionTool } from './create-browser-session-tool.js'
export type { BrowserSessionToolErrorMeta } from './tool-error.js'
