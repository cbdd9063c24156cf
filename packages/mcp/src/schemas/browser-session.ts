import { z } from 'zod'

/**
 * The fields `create_browser_session` has wherever it runs: `agent-tasks-mcp` (stdio, for
 * development) and the tool an app registers on its own MCP server (`@agent-tasks/mcp/server-tool`).
 * Each adds its own (the stdio tool: `user`, `storageState`, …); these names and rules are shared.
 */

/** What the agent may ask for: where the browser lands (on `origin`), what it is doing, how long the session lasts. */
export function mintInputShape(origin: string) {
  return {
    redirectUrl: z.string().min(1).optional().describe(`Where the browser lands: a path such as /dashboard, or a URL on ${origin}.`),
    taskDescription: z.string().min(1).optional().describe('What the agent is doing (shown in Clerk).'),
    sessionMaxDurationInSeconds: z.number().int().positive().optional().describe('Longest the session may last, in seconds, within the app’s limits.'),
  }
}

/** What a mint answers with, besides the link itself (always there from the app's tool, absent after the stdio tool's storageState). */
export const mintedOutputShape = {
  agentTaskId: z.string(),
  redirectUrl: z.string(),
  sessionMaxDurationInSeconds: z.number(),
  sessionEndsAt: z.string().describe('ISO 8601: when a session opened by the link now would end.'),
}

export const linkDescription = 'The one-time sign-in link. It is a credential: open it once, in your browser tool, and paste it nowhere else.'

/** When a session opened now would end: a link's session lasts its length from the moment it is opened. */
export function sessionEndsAt(sessionMaxDurationInSeconds: number, now = Date.now()): string {
  return new Date(now + sessionMaxDurationInSeconds * 1000).toISOString()
}
