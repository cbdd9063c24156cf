import { sampleApps } from './src/apps.ts'
import { sampleAppPlaywrightConfig } from './src/config.ts'

// One project per sample app: `pnpm e2e --project nextjs` runs one app's specs.
export default sampleAppPlaywrightConfig({
  projects: Object.keys(sampleApps).map((folder) => ({ name: folder, testDir: `./apps/${folder}` })),
})
