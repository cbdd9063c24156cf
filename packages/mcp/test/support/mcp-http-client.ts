import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'

/**
 * The official MCP client over Streamable HTTP, sending `Authorization: Bearer <token>` on every
 * request: a Clerk session token here, standing in for the OAuth access token an MCP client would send.
 */
export async function connectOverHttp(mcpUrl: string, token?: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), {
    requestInit: token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } },
  })
  const client = new Client({ name: 'agent-tasks-server-tool-test', version: '0.0.0' })
  await client.connect(transport)
  return client
}

export interface MintedLink {
  agentTaskId: string
  url: string
  redirectUrl: string
  sessionMaxDurationInSeconds: number
  sessionEndsAt: string
}

/** One `create_browser_session` call on a fresh connection, closed afterwards. */
export async function callCreateBrowserSession(mcpUrl: string, token: string | undefined, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  const client = await connectOverHttp(mcpUrl, token)
  try {
    return (await client.callTool({ name: 'create_browser_session', arguments: args })) as CallToolResult
  } finally {
    await client.close()
  }
}

export function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n')
}
