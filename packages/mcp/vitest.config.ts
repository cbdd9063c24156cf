import { defineConfig } from 'vitest/config'

// These tests start processes, Chromium or servers; under CI's parallel load a case takes seconds.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } })
