import { defineConfig } from 'vitest/config'

// Unit tests of the pure parts only; the browser tests (e2e/, examples/) run with `playwright test`.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'] },
})
