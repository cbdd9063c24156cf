import { ApiError } from '../../http/errors.js'
import type { SessionRecord } from '../../state/records.js'

export type RestrictedAction = 'sign_out' | 'organization_switch' | 'profile_change'

const WHAT: Record<RestrictedAction, string> = {
  sign_out: 'sign out',
  organization_switch: 'switch the active organization',
  profile_change: "change the user's profile",
}

/** Whether a session was started by an agent (an agent-task link): its actor is `{ type: 'agent', … }`. */
export function isAgentSession(session: SessionRecord | undefined): boolean {
  return session?.actor?.type === 'agent'
}

/**
 * Clerk's Frontend API refuses sign-out, organization switches and profile changes from an agent session
 * (changelog 2026-11-06, "Browser sessions for agents"). Clerk documents neither the status nor the code of
 * that refusal; the emulator answers 403 `agent_session_restricted` in Clerk's error shape.
 */
export function refuseFromAgentSession(session: SessionRecord | undefined, action: RestrictedAction): void {
  if (!session || !isAgentSession(session)) return
  throw ApiError.of(
    403,
    'agent_session_restricted',
    'Not allowed from an agent session',
    `An agent session cannot ${WHAT[action]}. Clerk restricts what a session started by an agent-task link can do.`,
    { session_id: session.id, action },
  )
}
