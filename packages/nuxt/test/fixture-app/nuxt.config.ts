import { fileURLToPath } from 'node:url'

const built = (path: string) => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url))

// The conformance fixture: the adapter's build (module and server entry) mounted as users mount the
// published package. The module mounts server/agent-tasks.ts (the main profile) at /api/agent-tasks.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  telemetry: false,
  modules: ['@clerk/nuxt', built('module.js')],
  // Clerk's middleware comes from server/middleware/clerk.ts, which skips /no-middleware/.
  clerk: { skipServerMiddleware: true, telemetry: { disabled: true } },
  // The guard runs after server/middleware/clerk.ts (Nitro runs the app's middleware files first).
  agentTasks: { path: '/api/agent-tasks', guard: true },
  alias: { '@agent-tasks/nuxt/server': built('server/index.js') },
})
