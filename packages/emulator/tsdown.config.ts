import { defineConfig } from 'tsdown'

export default defineConfig({
  // index: the library; cli: what bin/agent-tasks-emulator.js imports.
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  sourcemap: true,
  // Emit .js (ESM, "type": "module") / .cjs and .d.ts / .d.cts, as package.json "exports" expects.
  fixedExtension: false,
})
