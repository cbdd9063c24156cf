// Clerk authenticates every request on the server (@clerk/nuxt's middleware); @agent-tasks/nuxt mounts
// the agent-tasks contract from server/agent-tasks.ts at /api/agent-tasks and, after Clerk's, its agent
// policy on every request (`guard: true`): an agent session may not open /billing or /api/billing until
// you approve it, nor use /api/agent-tasks; a `read-only` link's agent may only read.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  telemetry: false,
  modules: ['@clerk/nuxt', '@agent-tasks/nuxt'],
  clerk: {
    // People sign in on this app's own page, Clerk's <SignIn /> (app/pages/sign-in/[...slug].vue).
    signInUrl: '/sign-in',
    afterSignOutUrl: '/',
    // Declared so NUXT_PUBLIC_CLERK_TELEMETRY_DISABLED can turn it off when the server starts.
    telemetry: { disabled: false },
  },
  agentTasks: { path: '/api/agent-tasks', guard: true },
  app: {
    head: {
      title: 'Agent Tasks — Nuxt sample',
      link: [
        { rel: 'stylesheet', href: '/styles.css' },
        { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
      ],
    },
  },
})
