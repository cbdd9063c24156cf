import { agentTaskIdOf, listAgentSessions } from '../clerk/agent-sessions.js'
import type { AgentTaskRecord } from '../store/types.js'
import type { LedgerDeps, SignedCall } from './ledger-deps.js'
import { refreshRecords } from './refresh-records.js'

/**
 * The record of the link that opened `sessionId`, learned from Clerk when the ledger does not know the
 * session yet (a link used since the ledger last looked): one listing of the user's active agent
 * sessions; the session's `task_id` names the link, whose record is then brought up to date (`used`,
 * the session added) like a listing does. `undefined` when Clerk shows no such agent session or no
 * record of its link is kept. Clerk failures are thrown (the guard answers 503).
 */
export async function learnSession<Context>(
  deps: LedgerDeps<Context>,
  userId: string,
  sessionId: string,
  call: SignedCall<Context>,
): Promise<AgentTaskRecord | undefined> {
  const sessions = await deps.clerk('list', call, (client) => listAgentSessions(client, userId))
  const session = sessions.find((candidate) => candidate.id === sessionId)
  const agentTaskId = session === undefined ? undefined : agentTaskIdOf(session)
  if (agentTaskId === undefined) return undefined
  const record = await deps.resolved.store.get(agentTaskId)
  if (record === undefined) return undefined
  const [refreshed] = await refreshRecords(deps, [record], call, new Map([[userId, sessions]]))
  return refreshed
}
