/**
 * One export every entry point of every public package must have, read from its src index: enough to
 * prove the installed package resolves and loads, in every module system it ships. A new entry point
 * (or package) needs its line here; the test names what is missing.
 */
export const KNOWN_EXPORTS: Readonly<Record<string, string>> = {
  '@agent-tasks/astro': 'createAgentTasks',
  '@agent-tasks/browser-use': 'runBrowserAgent',
  '@agent-tasks/browser-use-emulator': 'startBrowserUseEmulator',
  '@agent-tasks/cli': 'main',
  '@agent-tasks/cli/admin': 'clerkConfig',
  '@agent-tasks/core': 'createAgentTasks',
  '@agent-tasks/core/adapter': 'createAdapterKit',
  '@agent-tasks/core/adapter-exports': 'AgentTaskError',
  '@agent-tasks/core/node': 'nodeContractRequest',
  '@agent-tasks/emulator': 'startEmulator',
  '@agent-tasks/emulator/connection': 'findEmulatorConnections',
  '@agent-tasks/express': 'createAgentTasks',
  '@agent-tasks/fastify': 'createAgentTasks',
  '@agent-tasks/mcp': 'createAgentTasksMcpServer',
  '@agent-tasks/mcp/server-tool': 'createBrowserSessionTool',
  '@agent-tasks/nextjs': 'createAgentTasks',
  // A Nuxt module is its default export.
  '@agent-tasks/nuxt': 'default',
  '@agent-tasks/nuxt/server': 'createAgentTasks',
  '@agent-tasks/playwright': 'test',
  '@agent-tasks/react-router': 'createAgentTasks',
  '@agent-tasks/redis': 'createRedisStore',
  '@agent-tasks/tanstack-react-start': 'createAgentTasks',
}
