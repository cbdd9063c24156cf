import { packageBuild } from '../../tsdown.base.ts'

// index: the library; cli: what bin/agent-tasks-emulator.js imports.
export default packageBuild({ entry: ['src/index.ts', 'src/cli.ts'] })
