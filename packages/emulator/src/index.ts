/**
 * `@agent-tasks/emulator` — an offline Clerk emulator (Backend API, the Frontend API parts agent-task links
 * and handshakes need, and a hosted sign-in page) that the unmodified `@clerk/backend` and `@clerk/express` work against.
 *
 * @packageDocumentation
 */
export { startEmulator } from './emulator.js'
export { buildEnv, formatEnvLines, sdkEnv } from './env.js'
export type { EnvInput } from './env.js'
export type { SigningKeyInput } from './crypto/keys.js'
export { chromiumTrustArgs } from './tls/listen.js'
export type { EmulatorTls, TlsOption } from './tls/listen.js'
export { loadSeedFile } from './seed/load.js'
export { SeedError, validateSeed } from './seed/validate.js'
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotError } from './state/snapshot.js'
export type { EmulatorSnapshot } from './state/snapshot.js'
export type {
  AgentTaskState,
  AgentTaskStatus,
  EmailCodeState,
  Emulator,
  EmulatorFaults,
  EmulatorOptions,
  EmulatorSeed,
  EmulatorState,
  EmulatorUser,
  EmulatorUserInput,
  EmulatorUsers,
  FaultRule,
  InstanceType,
  RateLimitOptions,
  RequestLogEntry,
  SessionState,
  SessionStatus,
  SignInOptions,
  WebhookDelivery,
  WebhookEventType,
  WebhookOptions,
} from './types.js'
