import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [reactRouter()],
  // @agent-tasks/react-router is a dependency of packages/bench, so it resolves as installed (no alias).
  // But it is a workspace link, and Vite bundles linked packages into the server build, with core and
  // a copy of @clerk/backend (which core imports and this app cannot resolve). Installed from npm, the
  // adapter stays external and Node loads it from node_modules at run time: so here too.
  ssr: { external: ['@agent-tasks/react-router'] },
})
