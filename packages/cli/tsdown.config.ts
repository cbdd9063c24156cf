import { packageBuild } from '../../tsdown.base.ts'

// A command-line tool: ESM only. `@agent-tasks/emulator/connection` (how `agent-tasks-emulator run`
// says where its emulator is; a devDependency without dependencies of its own) is built in, so the
// format has one definition and the CLI no runtime dependency on the emulator.
export default packageBuild({
  entry: ['src/index.ts', 'src/cli.ts', 'src/admin.ts'],
  format: ['esm'],
  deps: { alwaysBundle: ['@agent-tasks/emulator'] },
})
