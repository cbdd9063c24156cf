import { readFileSync } from 'node:fs'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { McpServerConfig } from './config.js'
import { toolContext } from './tool-context.js'
import { registerCreateBrowserSession } from './tools/create-browser-session.js'
import { registerEndAgentAccess } from './tools/end-agent-access.js'
import { registerListAgentSessions } from './tools/list-agent-sessions.js'

/** This package's version, from its package.json (beside `src/` and `dist/` alike). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
}

/** The MCP server with its three tools; connect it to a transport (`agent-tasks-mcp` uses stdio). */
export function createAgentTasksMcpServer(config: McpServerConfig): McpServer {
  const server = new McpServer({ name: 'agent-tasks', version: packageVersion() })
  const context = toolContext(config)
  registerCreateBrowserSession(server, context)
  registerListAgentSessions(server, context)
  registerEndAgentAccess(server, context)
  return server
}
