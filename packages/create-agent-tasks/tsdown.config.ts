import { packageBuild } from '../../tsdown.base.ts'

// A command-line tool: ESM only, no library types.
export default packageBuild({ entry: ['src/cli.ts'], format: ['esm'], dts: false })
