import node from '@astrojs/node'
import clerk from '@clerk/astro'
import { defineConfig } from 'astro/config'

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [clerk()],
  vite: {
    // @agent-tasks/astro is a dependency of packages/bench, so it resolves as installed (no alias); as
    // a workspace link Vite would bundle it. Installed from npm it stays in node_modules: so here too.
    ssr: { external: ['@agent-tasks/astro'] },
  },
})
