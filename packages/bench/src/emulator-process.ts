import { type ChildProcess, spawn } from 'node:child_process'
import { parseEnv } from 'node:util'
import { captureOutput, exitOf, stopChild } from './child-process.ts'
import { packageBin } from './package-dir.ts'

const USER_EMAIL = 'ada@example.com'

export interface EmulatorProcess {
  /** The `CLERK_*` environment for the app. */
  env: Record<string, string>
  /** A fresh session token of the seeded user, for `Authorization: Bearer`. */
  sessionToken(ttlSeconds: number): Promise<string>
  /** A fresh token of one of the seeded user's sessions (an agent's, say). */
  tokenOf(sessionId: string, ttlSeconds: number): Promise<string>
  /** The seeded user's active sessions, as Clerk's Backend API lists them. */
  activeSessions(): Promise<Array<{ id: string; userId: string; actor: { type?: string; task_id?: string } | null }>>
  close(): Promise<void>
}

/** The env lines on stdout, once the status line on stderr says the emulator is listening. */
function printedEnv(child: ChildProcess, output: () => string): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    let printed = ''
    const check = () => {
      if (!output().includes('listening on')) return
      const env = parseEnv(printed) as Record<string, string>
      if (env.CLERK_API_URL && env.CLERK_SECRET_KEY && env.CLERK_JWT_KEY) resolve(env)
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString()
      check()
    })
    child.stderr?.on('data', check)
  })
}

/** A tiny client of the emulator's Backend API (the secret key is the credential). */
function backendApi(env: Record<string, string>) {
  return async <T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> => {
    const response = await fetch(new URL(path, env.CLERK_API_URL), {
      method,
      headers: { Authorization: `Bearer ${env.CLERK_SECRET_KEY}`, 'Content-Type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    if (!response.ok) throw new Error(`emulator ${method} ${path} answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as T
  }
}

/**
 * The emulator's CLI in a child process of its own (so it shares an event loop with neither the app
 * nor the load generator), rate limit off. The CLI prints the env but cannot sign anyone in, so
 * tokens come from its Backend API, as a backend mints them: one session for the seeded user, then a
 * token per call, with the lifetime asked for.
 */
export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [packageBin('@agent-tasks/emulator', 'agent-tasks-emulator'), '--no-rate-limit', '--user', `Ada <${USER_EMAIL}>`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = captureOutput(child)
  try {
    const env = await Promise.race([printedEnv(child, output), exitOf(child, 'the emulator', output)])
    const bapi = backendApi(env)
    const [user] = await bapi<Array<{ id: string }>>('GET', `/v1/users?email_address=${encodeURIComponent(USER_EMAIL)}`)
    if (!user) throw new Error(`the emulator has no user ${USER_EMAIL}`)
    const session = await bapi<{ id: string }>('POST', '/v1/sessions', { user_id: user.id })
    const tokenOf = async (sessionId: string, ttlSeconds: number) =>
      (await bapi<{ jwt: string }>('POST', `/v1/sessions/${sessionId}/tokens`, { expires_in_seconds: ttlSeconds })).jwt
    return {
      env,
      sessionToken: (ttlSeconds) => tokenOf(session.id, ttlSeconds),
      tokenOf,
      activeSessions: async () =>
        (await bapi<Array<{ id: string; user_id: string; actor: { type?: string; task_id?: string } | null }>>('GET', `/v1/sessions?user_id=${user.id}&status=active&limit=500`)).map(
          (session) => ({ id: session.id, userId: session.user_id, actor: session.actor }),
        ),
      close: () => stopChild(child),
    }
  } catch (error) {
    await stopChild(child)
    throw error
  }
}
