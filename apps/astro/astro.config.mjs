import node from '@astrojs/node'
import clerk from '@clerk/astro'
import { defineConfig } from 'astro/config'

// A static site by default; the pages that need the signed-in user, and the agent-tasks endpoint, are
// rendered on demand (`export const prerender = false`), where Clerk's middleware runs.
export default defineConfig({
  adapter: node({ mode: 'standalone' }),
  // Clerk's integration loads clerk-js and Clerk's UI bundle in the browser and mounts the components
  // (`<SignIn />` on /sign-in, `<UserButton />` in the headers). People sign in on this app's own page.
  integrations: [clerk({ signInUrl: '/sign-in', afterSignOutUrl: '/' })],
  vite: {
    // In this monorepo the adapter is a workspace link, which Vite would bundle; installed from npm it
    // stays in node_modules. Keep it external either way.
    ssr: { external: ['@agent-tasks/astro'] },
  },
})
