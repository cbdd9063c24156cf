import { packageBuild } from '../../tsdown.base.ts'

// ESM only, as Nuxt is. The module, the server API, and the runtime files the module mounts (bundled
// by Nitro with the app's `#agent-tasks` alias).
export default packageBuild({
  entry: ['src/module.ts', 'src/server/index.ts', 'src/runtime/handler.ts', 'src/runtime/guard.ts', 'src/runtime/default-instance.ts'],
  format: ['esm'],
  deps: { neverBundle: ['#agent-tasks', '@clerk/nuxt/server'] },
})
