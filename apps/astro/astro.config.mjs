import node from '@astrojs/node'
import clerk from '@clerk/astro'
import { defineConfig } from 'astro/config'

// A static site by default; the pages that need the signed-in user, and the agent-tasks endpoint, are
// rendered on demand (`export const prerender = false`), where Clerk's middleware runs.
export default defineConfig({
  adapter: node({ mode: 'standalone' }),
  // The pages use no Clerk UI components (sign-in happens on Clerk's Account Portal), so the browser
  // loads clerk-js but not Clerk's UI bundle.
  integrations: [clerk({ prefetchUI: false })],
  vite: {
    // In this monorepo the adapter is a workspace link, which Vite would bundle; installed from npm it
    // stays in node_modules. Keep it external either way.
    ssr: { external: ['@agent-tasks/astro'] },
  },
})
