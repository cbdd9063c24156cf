export { AgentTaskSignInError, type AgentTaskSignInErrorCode, isAgentTaskSignInError } from './errors.js'
export {
  type AgentTasksTestFixtures,
  type AgentTasksWorkerFixtures,
  type AgentTasksWorkerOptions,
  type AgentTaskWorkerSession,
  expect,
  type SignInAs,
  type SignInAsOptions,
  test,
} from './fixtures.js'
export type {
  AgentTaskLinkOptions,
  AgentTasksOptions,
  AgentTaskUser,
  ClerkConnectionOptions,
  NewTestUser,
  SignInWithAgentTaskOptions,
  WorkerIdentity,
  WorkerUserChoice,
} from './options.js'
export { type AgentTaskSignIn, type StorageState, signInWithAgentTask } from './sign-in.js'
