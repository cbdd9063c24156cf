import { CliError } from '../cli-error.js'
import { clerkClientFor, findUser } from '../clerk-admin.js'
import { clerkConfig } from '../config.js'
import { io } from '../io.js'

export interface TokenOptions {
  user: string
  expiresIn?: number
  json?: boolean
  live?: boolean
}

/** `exp` of a JWT Clerk just minted for us, in seconds (no need to verify our own token). */
function expiryOf(jwt: string): number | undefined {
  try {
    const exp = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'))?.exp
    return typeof exp === 'number' ? exp : undefined
  } catch {
    return undefined
  }
}

/**
 * `agent-tasks token --user`: a session token for the user, for `Authorization: Bearer` in curl and
 * scripts. Clerk's Backend API opens a new session for the user (`POST /v1/sessions`, development
 * instances only) and mints its token (`POST /v1/sessions/{id}/tokens`). The token alone on stdout.
 */
export async function token(options: TokenOptions): Promise<void> {
  const config = await clerkConfig(options.live === true)
  const clerk = clerkClientFor(config)
  const subject = await findUser(clerk, options.user)
  const session = await clerk.sessions.createSession({ userId: subject.id }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    const live = config.secretKey.startsWith('sk_live_') ? ' Clerk opens sessions through its Backend API on development instances only (sk_test_ keys).' : ''
    throw new CliError(`Clerk did not open a session for ${subject.label}: ${reason}.${live}`)
  })
  const { jwt } = await clerk.sessions.getToken(session.id, undefined, options.expiresIn)
  const exp = expiryOf(jwt)
  const expiresAt = exp === undefined ? undefined : new Date(exp * 1000).toISOString()
  if (options.json) return void io.json({ token: jwt, userId: subject.id, sessionId: session.id, expiresAt: expiresAt ?? null })
  io.out(jwt)
  const lifetime = exp === undefined ? 'expiry unknown' : `expires ${expiresAt} (in ${Math.max(0, Math.round(exp - Date.now() / 1000))} s)`
  io.info(
    `Session token for ${subject.label} (${subject.id}), session ${session.id}: ${lifetime}. Send it as "Authorization: Bearer <token>"; it signs requests in as this user: treat it as a password. For a longer one: --expires-in <seconds>.`,
  )
}
