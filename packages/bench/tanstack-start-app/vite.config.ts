import { tanstackStart } from '@tanstack/react-start/plugin/vite'
import viteReact from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Built like apps/tanstack-react-start: TanStack Start bundles the server's dependencies (the adapter,
// core and Clerk's SDK included) into dist/server, so the seed's route and the adapter's share them.
export default defineConfig({ plugins: [tanstackStart(), viteReact()] })
