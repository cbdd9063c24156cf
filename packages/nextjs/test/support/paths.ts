import { fileURLToPath } from 'node:url'

export const packageDir = fileURLToPath(new URL('../..', import.meta.url))
export const fixtureDir = fileURLToPath(new URL('../fixture-app', import.meta.url))
export const nextBin = fileURLToPath(new URL('../../node_modules/next/dist/bin/next', import.meta.url))
