// Clerk's module as its docs install it (its server middleware on every request); the agent-tasks
// module only for its build settings: the adapter's route is mounted by server/routes/adapter.post.ts.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  telemetry: false,
  modules: ['@clerk/nuxt', '@agent-tasks/nuxt'],
  clerk: { telemetry: { disabled: true } },
  agentTasks: { path: false },
})
