import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [reactRouter()],
  // In this monorepo the adapter is a workspace link, which Vite would bundle (with a second copy of
  // Clerk's SDK); installed from npm it stays in node_modules. Keep it external either way.
  ssr: { external: ['@agent-tasks/react-router'] },
})
