import { appendFile, readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { AgentTaskRecord, AgentTasksOptions } from '@agent-tasks/express'

/** One line of the audit log: who did what, for whom, with which agent, when. Never a link. */
export interface AuditEntry {
  at: string
  event:
    | 'link created'
    | 'link revoked'
    | 'link expired'
    | 'agent session ended'
    | 'refused'
    | 'Clerk failed'
    | 'agent refused'
    | 'approval approved'
    | 'approval declined'
  /** The signed-in user who acted, and from which session. */
  by: string | undefined
  bySessionId: string | undefined
  /** The user whose links or sessions it concerned. */
  forUser: string | undefined
  agentTaskId?: string | undefined
  agentName?: string | undefined
  agentSessionId?: string | undefined
  code?: string | undefined
  /** What an agent asked to do (method and path, never a query), for the agent policy's events. */
  request?: string | undefined
}

/** A JSON-lines file: `AUDIT_LOG_FILE`, or `audit.jsonl` in the folder the app runs from. */
export function auditLogPath(): string {
  return resolve(process.env.AUDIT_LOG_FILE ?? 'audit.jsonl')
}

// Appends one at a time, so concurrent requests never interleave partial lines.
let writing: Promise<void> = Promise.resolve()

function append(entry: AuditEntry): Promise<void> {
  writing = writing.then(() => appendFile(auditLogPath(), `${JSON.stringify(entry)}\n`))
  return writing
}

const about = (record: AgentTaskRecord) => ({
  forUser: record.subjectUserId ?? record.subjectIdentifier,
  agentTaskId: record.agentTaskId,
  agentName: record.agentName,
})

/** The agent-tasks hooks that write the audit log. */
export const auditHooks: NonNullable<AgentTasksOptions['hooks']> = {
  onCreated: ({ record, auth }) =>
    append({ at: new Date().toISOString(), event: 'link created', by: auth.userId, bySessionId: auth.sessionId ?? undefined, ...about(record) }),
  onRevoked: ({ record, auth }) =>
    append({
      at: new Date().toISOString(),
      event: record.status === 'expired' ? 'link expired' : 'link revoked',
      by: auth.userId,
      bySessionId: auth.sessionId ?? undefined,
      ...about(record),
    }),
  onSessionEnded: ({ sessionId, userId, agentTaskId, actor, auth }) =>
    append({
      at: new Date().toISOString(),
      event: 'agent session ended',
      by: auth.userId,
      bySessionId: auth.sessionId ?? undefined,
      forUser: userId,
      agentTaskId,
      agentName: typeof actor?.sub === 'string' ? actor.sub : undefined,
      agentSessionId: sessionId,
    }),
  onDenied: ({ action, code, auth }) =>
    append({ at: new Date().toISOString(), event: 'refused', by: auth?.userId ?? undefined, bySessionId: auth?.sessionId ?? undefined, forUser: undefined, code: `${action}: ${code}` }),
  // The agent policy: what the guard refused an agent session, and the person's answers to its asks.
  onAgentActionRefused: ({ code, method, path, userId, sessionId, agentTaskId, approvalId }) =>
    append({
      at: new Date().toISOString(),
      event: 'agent refused',
      by: userId,
      bySessionId: sessionId,
      forUser: userId,
      agentTaskId,
      agentSessionId: sessionId,
      code: approvalId ? `${code} (approval ${approvalId})` : code,
      request: `${method} ${path}`,
    }),
  onApprovalDecided: ({ request, answer, auth }) =>
    append({
      at: new Date().toISOString(),
      event: answer === 'approve' ? 'approval approved' : 'approval declined',
      by: auth.userId,
      bySessionId: auth.sessionId ?? undefined,
      forUser: request.userId,
      agentTaskId: request.agentTaskId,
      agentSessionId: request.sessionId,
      request: `${request.method} ${request.path}`,
    }),
  onFailed: ({ action, code, auth }) =>
    append({ at: new Date().toISOString(), event: 'Clerk failed', by: auth.userId, bySessionId: auth.sessionId ?? undefined, forUser: undefined, code: `${action}: ${code}` }),
}

/** The newest entries that concern `userId` (done by them or to them), newest first. */
export async function readAuditLog(userId: string, limit = 20): Promise<AuditEntry[]> {
  const text = await readFile(auditLogPath(), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return ''
    throw error
  })
  const entries: AuditEntry[] = []
  for (const line of text.split('\n').reverse()) {
    if (line === '') continue
    const entry = JSON.parse(line) as AuditEntry
    if (entry.by === userId || entry.forUser === userId) entries.push(entry)
    if (entries.length === limit) break
  }
  return entries
}
