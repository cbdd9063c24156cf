import type { CreateAgentTaskInput, CreatedAgentTask } from '@agent-tasks/core'
import type { ToolCallback } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import { linkDescription, mintedOutputShape, mintInputShape, sessionEndsAt } from '../schemas/browser-session.js'
import type { CurrentRequestAgentTasks, RequestBoundAgentTasks } from './agent-tasks-shapes.js'
import { toolError } from './tool-error.js'

const inputSchema = {
  ...mintInputShape('this app’s origin (default: the app’s default landing page)'),
  // The app's guard holds the agent's session to it; the stdio tool has none (no app instance of its own).
  scope: z
    .string()
    .min(1)
    .optional()
    .describe('What the agent’s session may do in the app: one of the scopes the app declares (`read-only` is built in). Default: the app’s default agent policy.'),
}

const outputSchema = {
  ...mintedOutputShape,
  url: z.string().describe(linkDescription),
}

/** The tool's name, config and handler: exactly the arguments of `McpServer.registerTool`. */
export type BrowserSessionTool = readonly [
  name: 'create_browser_session',
  config: {
    title: string
    description: string
    inputSchema: typeof inputSchema
    outputSchema: typeof outputSchema
    annotations: ToolAnnotations
  },
  handler: ToolCallback<typeof inputSchema>,
]

type MintInput = Pick<CreateAgentTaskInput, 'redirectUrl' | 'taskDescription' | 'sessionMaxDurationInSeconds' | 'scope'>

const config: BrowserSessionTool[1] = {
  title: 'Create a signed-in browser session',
  description:
    'Mints a one-time link that signs a browser into this app as you (the user this MCP connection is authorized for): a Clerk agent task, ' +
    'landing on a path of the app. Open the link in your browser tool. The link works once and is a credential: do not paste it anywhere else. ' +
    'Refused from an agent session (agents may not mint links), and past the app’s rate limit.',
  inputSchema,
  outputSchema,
  // Mints a new credential on each call; it changes nothing else, and talks only to the app's own Clerk.
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
}

function answer(task: CreatedAgentTask): CallToolResult {
  const endsAt = sessionEndsAt(task.sessionMaxDurationInSeconds)
  return {
    structuredContent: {
      agentTaskId: task.agentTaskId,
      url: task.url,
      redirectUrl: task.redirectUrl,
      sessionMaxDurationInSeconds: task.sessionMaxDurationInSeconds,
      sessionEndsAt: endsAt,
    },
    content: [
      {
        type: 'text',
        text:
          `One-time link that signs a browser in and lands on ${task.redirectUrl}:\n${task.url}\n` +
          `Agent task ${task.agentTaskId}. The session lasts up to ${task.sessionMaxDurationInSeconds} s from when the link is opened (opened now: until ${endsAt}). ` +
          'The link works once and is a credential: open it only in your browser tool.',
      },
    ],
  }
}

/** Only the fields the agent gave: the instance's defaults apply to the rest. */
function mintInput(input: { [Field in keyof MintInput]?: MintInput[Field] | undefined }): MintInput {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
}

/**
 * `create_browser_session` for the MCP server an app hosts: mints a one-time sign-in link through the
 * app's own agent-tasks instance, for the user signed in on the MCP request, so the instance's
 * validation, redirect rules, limits, hooks and ledger apply, and an agent session is refused.
 *
 * Request-bound adapters (Express, Fastify, Astro, Nuxt, React Router): pass the request the MCP call
 * arrived on, and build the server per request.
 *
 * @example
 * // Express, in the /mcp route (stateless: a server and transport per request)
 * const server = new McpServer({ name: 'my-app', version: '1.0.0' })
 * server.registerTool(...createBrowserSessionTool(agentTasks, req))
 */
export function createBrowserSessionTool<Native>(agentTasks: RequestBoundAgentTasks<Native>, request: Native): BrowserSessionTool
/**
 * Current-request adapters (Next.js, TanStack Start): the instance reads the request being served, so
 * register the tool on a server that handles the MCP request inside the route handler.
 *
 * @example
 * // Next.js, app/mcp/route.ts
 * server.registerTool(...createBrowserSessionTool(agentTasks))
 */
export function createBrowserSessionTool(agentTasks: CurrentRequestAgentTasks): BrowserSessionTool
export function createBrowserSessionTool(agentTasks: RequestBoundAgentTasks<unknown> | CurrentRequestAgentTasks, ...request: [] | [unknown]): BrowserSessionTool {
  const mint =
    request.length === 1
      ? (input: MintInput) => (agentTasks as RequestBoundAgentTasks<unknown>).create(request[0], input)
      : (input: MintInput) => (agentTasks as CurrentRequestAgentTasks).create(input)
  const handler: ToolCallback<typeof inputSchema> = async (input) => {
    try {
      return answer(await mint(mintInput(input)))
    } catch (error) {
      return toolError(error)
    }
  }
  return ['create_browser_session', config, handler]
}
