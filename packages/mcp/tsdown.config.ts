import { packageBuild } from '../../tsdown.base.ts'

// A stdio server run with npx: ESM only, as the `agent-tasks` CLI it shares its configuration with.
export default packageBuild({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
})
