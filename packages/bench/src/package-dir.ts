import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const nodeModules = fileURLToPath(new URL('../node_modules/', import.meta.url))

/** Where a dependency of this package is installed (not every package exports its package.json). */
export function packageDir(name: string): string {
  return realpathSync(`${nodeModules}${name}`)
}
