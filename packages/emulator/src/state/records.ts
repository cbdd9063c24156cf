import type { AgentTaskStatus, SessionStatus } from '../types.js'

/** Internal, mutable records. Times are Unix milliseconds. */
export interface EmailRecord {
  id: string
  email: string
  createdAt: number
}

export interface UserRecord {
  id: string
  emails: EmailRecord[]
  primaryEmailAddressId: string | null
  firstName: string | null
  lastName: string | null
  username: string | null
  externalId: string | null
  publicMetadata: Record<string, unknown>
  privateMetadata: Record<string, unknown>
  unsafeMetadata: Record<string, unknown>
  /** `scrypt$…` hash from `state/passwords.ts`, or `null` when the user has no password. Never serialized over the API. */
  passwordHash: string | null
  createdAt: number
  updatedAt: number
  lastSignInAt: number | null
  lastActiveAt: number | null
}

export interface ClientRecord {
  id: string
  sessionIds: string[]
  lastActiveSessionId: string | null
  createdAt: number
  /** Changes on every sign-in/sign-out; drives `__client_uat`. */
  updatedAt: number
}

export interface SessionRecord {
  id: string
  userId: string
  clientId: string
  status: SessionStatus
  actor: Record<string, unknown> | null
  agentTaskId?: string
  createdAt: number
  updatedAt: number
  lastActiveAt: number
  expireAt: number
  abandonAt: number
}

export interface AgentTaskRecord {
  id: string
  agentId: string
  agentName: string
  userId: string
  status: AgentTaskStatus
  redirectUrl: string
  taskDescription: string
  permissions: string
  sessionMaxDurationInSeconds: number
  createdAt: number
  updatedAt: number
  /** SHA-256 of the ticket; the ticket itself is never stored. */
  ticketHash: string
  sessionId?: string
}
