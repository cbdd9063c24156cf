import { packageBuild } from '../../tsdown.base.ts'

// A command-line tool: ESM only.
export default packageBuild({ entry: ['src/index.ts', 'src/cli.ts'], format: ['esm'] })
