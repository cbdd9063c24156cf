import { defineConfig } from 'vitest/config'

// Only the checks under test/: the browser specs under apps/ are Playwright's (`pnpm e2e`).
export default defineConfig({ test: { include: ['test/**/*.test.ts'] } })
