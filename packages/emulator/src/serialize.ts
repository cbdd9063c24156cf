import type { AgentTaskRecord, SessionRecord, UserRecord } from './state/records.js'
import type { AgentTaskState, EmulatorUser, SessionState } from './types.js'

/** `User` JSON as the Backend API returns it (enough for `User.fromJSON`). */
export function userJson(user: UserRecord, baseUrl: string): Record<string, unknown> {
  return {
    object: 'user',
    id: user.id,
    external_id: user.externalId,
    primary_email_address_id: user.primaryEmailAddressId,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: `${baseUrl}/v1/img/${user.id}.svg`,
    has_image: false,
    public_metadata: user.publicMetadata,
    private_metadata: user.privateMetadata,
    unsafe_metadata: user.unsafeMetadata,
    email_addresses: user.emails.map((email) => ({
      id: email.id,
      object: 'email_address',
      email_address: email.email,
      reserved: false,
      verification: { object: 'verification_admin', status: 'verified', strategy: 'admin', attempts: null, expire_at: null },
      linked_to: [],
      matches_sso_connection: false,
      created_at: email.createdAt,
      updated_at: email.createdAt,
    })),
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    password_enabled: user.passwordHash !== null,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: user.lastSignInAt,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    delete_self_enabled: true,
    create_organization_enabled: true,
    create_organizations_limit: null,
    last_active_at: user.lastActiveAt,
    legal_accepted_at: null,
    locale: null,
    timezone: null,
    deprovisioned: false,
  }
}

/** `Session` JSON as the Backend API returns it. */
export function sessionJson(session: SessionRecord): Record<string, unknown> {
  return {
    object: 'session',
    id: session.id,
    client_id: session.clientId,
    user_id: session.userId,
    status: session.status,
    last_active_at: session.lastActiveAt,
    last_active_organization_id: null,
    actor: session.actor,
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  }
}

/** `AgentTask` JSON; `url` only on create. */
export function agentTaskJson(task: AgentTaskRecord, url?: string): Record<string, unknown> {
  const json: Record<string, unknown> = {
    object: 'agent_task',
    agent_id: task.agentId,
    agent_task_id: task.id,
    task_id: task.id,
  }
  if (url !== undefined) json.url = url
  return json
}

export function toEmulatorUser(user: UserRecord): EmulatorUser {
  const primary = user.emails.find((e) => e.id === user.primaryEmailAddressId)
  return Object.freeze({
    id: user.id,
    email: primary?.email ?? null,
    emailAddresses: Object.freeze(user.emails.map((e) => e.email)),
    firstName: user.firstName,
    lastName: user.lastName,
    username: user.username,
    passwordEnabled: user.passwordHash !== null,
    createdAt: user.createdAt,
  })
}

export function toSessionState(session: SessionRecord): SessionState {
  const state: SessionState = {
    id: session.id,
    userId: session.userId,
    clientId: session.clientId,
    status: session.status,
    actor: session.actor ? Object.freeze({ ...session.actor }) : null,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    lastActiveAt: session.lastActiveAt,
    expireAt: session.expireAt,
    abandonAt: session.abandonAt,
    ...(session.agentTaskId ? { agentTaskId: session.agentTaskId } : {}),
  }
  return Object.freeze(state)
}

export function toAgentTaskState(task: AgentTaskRecord): AgentTaskState {
  const { ticketHash: _hidden, sessionId, ...rest } = task
  return Object.freeze({ ...rest, ...(sessionId ? { sessionId } : {}) })
}
