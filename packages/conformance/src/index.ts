export { type CallOptions, type CallResult, call, sessionCookies } from './client.js'
export type { SuiteContext, SuiteUser } from './context.js'
export { expectProblem } from './expect-problem.js'
export { runConformanceSuite } from './suite.js'
export {
  type ConformanceOptions,
  type ConformanceProfile,
  conformanceOptions,
  conformanceProfiles,
} from './profiles.js'
export type { AppWithoutClerk, ConformanceSetup, ConformanceTarget, RunningApp } from './target.js'
export { type BuiltFixture, buildFixtureApp, installedBin } from './built-fixture.js'
export { freePort, type ServerCommand, type ServerProcess, startServerProcess } from './server-process.js'
export { startNextServer } from './next-server.js'
export { type SharedServerTargetOptions, sharedServerTarget } from './shared-server-target.js'
