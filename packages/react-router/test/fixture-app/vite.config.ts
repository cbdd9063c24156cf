import { fileURLToPath } from 'node:url'
import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

// The conformance fixture: the adapter's build mounted as users mount the published package.
export default defineConfig({
  plugins: [reactRouter()],
  // The package under test, by its name, from its build.
  resolve: { alias: { '@agent-tasks/react-router': fileURLToPath(new URL('../../dist/index.js', import.meta.url)) } },
  // Workspace TypeScript sources the routes import: bundled, since Node will not strip types in node_modules.
  ssr: { noExternal: ['@agent-tasks/conformance'] },
})
