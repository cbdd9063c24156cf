export type { McpServerConfig } from './config.js'
export { createAgentTasksMcpServer } from './server.js'
