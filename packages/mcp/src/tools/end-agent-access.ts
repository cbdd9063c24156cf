import { CliError, EXIT, endAgentSession, endAllAgentAccess, endLink } from '@agent-tasks/cli/admin'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import { answer, guarded, type ToolContext } from '../tool-context.js'

const inputSchema = {
  user: z.string().min(1).optional().describe('Whose access: email, username or user ID. Default: the server’s --user / AGENT_TASKS_USER.'),
  agentTaskId: z.string().min(1).optional().describe('End one link: revoked if unused, else the session it opened is ended.'),
  sessionId: z.string().min(1).optional().describe('End one agent session of the user.'),
  all: z.boolean().optional().describe('End everything of the user: every active agent session, and every unused link this server minted.'),
}

const outputSchema = {
  userId: z.string(),
  revokedAgentTaskIds: z.array(z.string()),
  endedSessionIds: z.array(z.string()),
}

export function registerEndAgentAccess(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'end_agent_access',
    {
      title: 'End agent access',
      description:
        'Ends an agent’s access as the user: one link (agentTaskId), one session (sessionId), or everything of the user (all: true). ' +
        'Give exactly one. Session tokens already issued stay valid until they expire (60 s by default): the next navigation after that is signed out.',
      inputSchema,
      outputSchema,
    },
    (input) =>
      guarded(context, 'end_agent_access', async () => {
        const targets = [input.agentTaskId && 'agentTaskId', input.sessionId && 'sessionId', input.all && 'all'].filter(Boolean)
        if (targets.length !== 1) {
          throw new CliError(`agentTaskId, sessionId, all: give exactly one (${targets.length === 0 ? 'none was given' : `got ${targets.join(' and ')}`}).`, EXIT.usage)
        }
        const admin = await context.admin()
        const subject = await context.subject(admin, input.user)
        let result: { revokedAgentTaskIds: string[]; endedSessionIds: string[] }
        if (input.agentTaskId) {
          const ended = await endLink(admin, input.agentTaskId, subject)
          result = { revokedAgentTaskIds: ended.revoked ? [ended.agentTaskId] : [], endedSessionIds: ended.endedSessionIds }
        } else if (input.sessionId) {
          await endAgentSession(admin.clerk, subject, input.sessionId)
          result = { revokedAgentTaskIds: [], endedSessionIds: [input.sessionId] }
        } else {
          const { revokedAgentTaskIds, endedSessionIds } = await endAllAgentAccess(admin, subject)
          result = { revokedAgentTaskIds, endedSessionIds }
        }
        const text = `Ended agent access of ${subject.label} (${subject.id}): ${result.revokedAgentTaskIds.length} link(s) revoked, ${result.endedSessionIds.length} session(s) ended.`
        context.log(`end_agent_access: ${text}`)
        return answer({ userId: subject.id, ...result }, text)
      }),
  )
}
