import { packageBuild } from '../../tsdown.base.ts'

// index: the library; cli: what bin/agent-tasks-emulator.js imports; connection: `run`'s connection
// file, for other tools (the agent-tasks CLI builds it in). shims: the CJS build gets an
// import.meta.url (the CLI reads its version from package.json next to it).
export default packageBuild({ entry: ['src/index.ts', 'src/cli.ts', 'src/connection.ts'], shims: true })
