import { defineConfig, type UserConfig } from 'tsdown'

/**
 * How every published package is built: ESM + CJS + types, with `.js`/`.cjs` and `.d.ts`/`.d.cts`
 * names as the packages' `exports` expect (tsdown's default would be `.mjs`).
 *
 * No source maps: the output is not minified (names, JSDoc and `// src/…` markers kept), so a stack
 * trace into `dist` already reads like the source, while maps with their sources embedded were
 * 40–59 % of a tarball (see "Published packages" in the root README).
 */
export function packageBuild(config: UserConfig = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'node',
    sourcemap: false,
    fixedExtension: false,
    ...config,
  })
}
