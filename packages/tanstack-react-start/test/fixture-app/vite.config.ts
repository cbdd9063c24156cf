import { fileURLToPath } from 'node:url'
import { tanstackStart } from '@tanstack/react-start/plugin/vite'
import viteReact from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The conformance fixture: the adapter's build mounted as users mount the published package.
export default defineConfig({
  plugins: [tanstackStart(), viteReact()],
  // The package under test, by its name, from its build.
  resolve: { alias: { '@agent-tasks/tanstack-react-start': fileURLToPath(new URL('../../dist/index.js', import.meta.url)) } },
  // Workspace TypeScript sources the routes import: bundled, since Node will not strip types in node_modules.
  ssr: { noExternal: ['@agent-tasks/conformance'] },
})
