import { packageBuild } from '../../tsdown.base.ts'

export default [
  // A stdio server run with npx: ESM only, as the `agent-tasks` CLI it shares its configuration with.
  packageBuild({
    entry: ['src/index.ts', 'src/cli.ts'],
    format: ['esm'],
  }),
  // The tool an app registers on its own MCP server: ESM and CommonJS, as the adapters it works with.
  // Built second into the same folder, so it must not clean it.
  packageBuild({
    entry: { 'server-tool': 'src/server-tool/index.ts' },
    clean: false,
  }),
]
