import { defineConfig } from 'vitest/config'

// The tests run the built bin and npm as child processes; under CI's parallel load a case takes seconds.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } })
