import { agentSessionsOf } from '@agent-tasks/cli/admin'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import { answer, guarded, type ToolContext } from '../tool-context.js'

const inputSchema = {
  user: z.string().min(1).optional().describe('Whose sessions: email, username or user ID. Default: the server’s --user / AGENT_TASKS_USER.'),
  all: z.boolean().optional().describe('Include ended sessions and settled links (default: active sessions and unused links only).'),
}

const outputSchema = {
  userId: z.string(),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      status: z.string(),
      agent: z.string().nullable(),
      agentTaskId: z.string().nullable(),
      createdAt: z.string(),
      expiresAt: z.string(),
    }),
  ),
  links: z
    .array(z.object({ agentTaskId: z.string(), status: z.string(), redirectUrl: z.string(), createdAt: z.string(), expiresAt: z.string() }))
    .describe('Links this server minted for the user (Clerk cannot list links), with their status.'),
}

export function registerListAgentSessions(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'list_agent_sessions',
    {
      title: 'List agent sessions',
      description:
        'The user’s sessions opened by agents (wherever they were minted), and the links this server minted for them, with their status. No links or tokens are returned.',
      inputSchema,
      outputSchema,
    },
    (input) =>
      guarded(context, 'list_agent_sessions', async () => {
        const admin = await context.admin()
        const subject = await context.subject(admin, input.user)
        const sessions = (await agentSessionsOf(admin.clerk, subject.id))
          .filter((s) => input.all || s.status === 'active')
          .map((s) => ({ ...s, agent: s.agent ?? null, agentTaskId: s.agentTaskId ?? null }))
        const page = await admin.agentTasks.list(input.all ? { limit: 100 } : { status: 'pending', limit: 100 }, { auth: { userId: subject.id }, context: undefined })
        const links = page.data.map((r) => ({ agentTaskId: r.agentTaskId, status: r.status, redirectUrl: r.redirectUrl, createdAt: r.createdAt, expiresAt: r.expiresAt }))
        const lines = [
          `${sessions.length} ${input.all ? '' : 'active '}agent session(s) of ${subject.label} (${subject.id})${sessions.length ? ':' : '.'}`,
          ...sessions.map((s) => `- ${s.sessionId} ${s.status}, agent ${s.agent ?? '-'}, agent task ${s.agentTaskId ?? '-'}, ends ${s.expiresAt}`),
          `${links.length} ${input.all ? '' : 'unused '}link(s) minted by this server${links.length ? ':' : '.'}`,
          ...links.map((l) => `- ${l.agentTaskId} ${l.status}, lands on ${l.redirectUrl}`),
        ]
        return answer({ userId: subject.id, sessions, links }, lines.join('\n'))
      }),
  )
}
