import { fileURLToPath } from 'node:url'
import clerk from '@clerk/astro'
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

// The conformance fixture: the adapter's build mounted as users mount the published package.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [clerk()],
  vite: {
    // The package under test, by its name, from its build.
    resolve: { alias: { '@agent-tasks/astro': fileURLToPath(new URL('../../dist/index.js', import.meta.url)) } },
    // Workspace TypeScript sources the endpoints import: bundled, since Node will not strip types in node_modules.
    ssr: { noExternal: ['@agent-tasks/conformance'] },
  },
})
