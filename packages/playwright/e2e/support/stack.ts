import { type Emulator, type EmulatorOptions, type EmulatorUser, startEmulator } from '@agent-tasks/emulator'
import { startTestApp, type TestApp } from './app.js'

export type StackOptions = Pick<EmulatorOptions, 'sessionTokenTtlSeconds' | 'instance'>

export interface Stack {
  emulator: Emulator
  app: TestApp
  ada: EmulatorUser
  grace: EmulatorUser
  /** Sessions still active and links still unused: what a finished run must not leave behind. */
  liveAccess(): { activeSessions: string[]; pendingTasks: string[] }
  close(): Promise<void>
}

/** Users every stack has: Ada, Grace (username `grace`), and `pool-0@…`, `pool-1@…` for per-worker picks. */
const seedUsers = [
  { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
  { email: 'grace@example.com', username: 'grace', firstName: 'Grace', lastName: 'Hopper' },
  { email: 'pool-0@example.com', firstName: 'Pool', lastName: 'Zero' },
  { email: 'pool-1@example.com', firstName: 'Pool', lastName: 'One' },
]

/** An emulator (no rate limit: suites mint fast) and the test app wired to it, both on 127.0.0.1. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  process.env.CLERK_TELEMETRY_DISABLED = '1'
  const emulator = await startEmulator({ users: seedUsers, rateLimit: false, ...options })
  const app = await startTestApp(emulator)
  const user = (email: string) => {
    const found = emulator.users.findByEmail(email)
    if (!found) throw new Error(`no seeded user ${email}`)
    return found
  }
  return {
    emulator,
    app,
    ada: user('ada@example.com'),
    grace: user('grace@example.com'),
    liveAccess: () => ({
      activeSessions: emulator.state
        .sessions()
        .filter((s) => s.status === 'active')
        .map((s) => s.id),
      pendingTasks: emulator.state
        .agentTasks()
        .filter((t) => t.status === 'pending')
        .map((t) => t.id),
    }),
    async close() {
      await app.close()
      await emulator.close()
    },
  }
}
