import { fileURLToPath } from 'node:url'
import { defineSampleAppSpecs } from '@agent-tasks/sample-app-e2e'

defineSampleAppSpecs({
  name: 'Nuxt',
  appDir: fileURLToPath(new URL('..', import.meta.url)),
  command: [process.execPath, 'scripts/start.mjs'],
})
