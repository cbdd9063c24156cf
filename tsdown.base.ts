import { defineConfig, type UserConfig } from 'tsdown'

/**
 * How every published package is built: ESM + CJS + types, with `.js`/`.cjs` and `.d.ts`/`.d.cts`
 * names as the packages' `exports` expect (tsdown's default would be `.mjs`).
 */
export function packageBuild(config: UserConfig = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'node',
    sourcemap: true,
    fixedExtension: false,
    ...config,
  })
}
