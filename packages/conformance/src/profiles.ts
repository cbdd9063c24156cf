import type { AgentTasksOptions } from '@agent-tasks/core'

/** Options the suite sets per app instance; the adapter passes them to its handler as they are. */
export type ConformanceOptions = Omit<AgentTasksOptions<unknown>, 'basePath' | 'clerkClient' | 'secretKey' | 'apiUrl'>

/** Minting for this identifier on the `admin` profile makes its `authorize` throw, as a bug would. */
export const EXPLODING_IDENTIFIER = 'explode@example.com'
/** A credential-shaped string in that error's message, which the log must not show. */
export const SECRET_IN_ERROR = 'sk_test_conformanceLeak42'

/** The origin the `agentFriendly` profile pins with the `origin` option. */
export const PINNED_ORIGIN = 'https://app.example'

/**
 * Mint limits on the `agentFriendly` profile, for the limit cases (each uses a user of its own). The
 * pending limit stays above what the suite's users hold: an app whose store is process-wide (Next.js)
 * counts a user's unused links of every profile together.
 */
export const AGENT_FRIENDLY_LIMITS = { rate: { mints: 80, windowSeconds: 60 }, maxPending: 60 } as const

/**
 * The three app instances the suite talks to:
 * - `main`: default policy, audit hooks recorded by the suite, a 1 s Clerk timeout and body deadline;
 * - `agentFriendly`: `allowAgentSessions: true`, its public origin pinned to `PINNED_ORIGIN`, and tight
 *   mint limits (`AGENT_FRIENDLY_LIMITS`);
 * - `admin`: `authorize` lets the admin user act for anyone (and throws for `EXPLODING_IDENTIFIER`);
 *   `allowAgentName` lists "qa-bot".
 */
export type ConformanceProfile = 'main' | 'agentFriendly' | 'admin'

export const conformanceProfiles: readonly ConformanceProfile[] = ['main', 'agentFriendly', 'admin']

export type RecordEvent = (hook: string, event: Record<string, unknown>) => void | Promise<void>

/** The options of one profile. `record` receives every audit-hook event of the `main` profile. */
export function conformanceOptions(
  profile: ConformanceProfile,
  setup: { adminUserId: string; record: RecordEvent },
): ConformanceOptions {
  switch (profile) {
    case 'main': {
      const hook = (name: string) => (event: object) => setup.record(name, event as Record<string, unknown>)
      return {
        clerkTimeoutMs: 1000,
        bodyTimeoutMs: 1000,
        hooks: {
          onCreated: hook('onCreated'),
          onRevoked: hook('onRevoked'),
          onSessionEnded: hook('onSessionEnded'),
          onDenied: hook('onDenied'),
          onFailed: hook('onFailed'),
        },
      }
    }
    case 'agentFriendly':
      return { allowAgentSessions: true, origin: PINNED_ORIGIN, limits: AGENT_FRIENDLY_LIMITS }
    case 'admin':
      return {
        authorize: ({ auth, onBehalfOf }) => {
          if (onBehalfOf && 'identifier' in onBehalfOf && onBehalfOf.identifier === EXPLODING_IDENTIFIER) {
            throw new Error(`authorize crashed while holding ${SECRET_IN_ERROR}`)
          }
          return auth.userId === setup.adminUserId
        },
        allowAgentName: ['qa-bot'],
      }
  }
}
