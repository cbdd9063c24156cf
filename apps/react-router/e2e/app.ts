import { fileURLToPath } from 'node:url'
import type { SampleAppSpecOptions } from '@agent-tasks/sample-app-e2e'

/** How the shared browser specs start this app. */
export const app: SampleAppSpecOptions = {
  name: 'React Router',
  appDir: fileURLToPath(new URL('..', import.meta.url)),
  command: [process.execPath, 'scripts/start.mjs'],
}
