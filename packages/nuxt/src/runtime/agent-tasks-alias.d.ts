// `#agent-tasks` is an alias the module sets (to the app's `server/agent-tasks.ts` or the default
// instance); Nuxt types it in the app. This declaration types it for this package's own build.
declare module '#agent-tasks' {
  export const agentTasks: import('../server/create-agent-tasks.js').AgentTasks
}
