import { readFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const nodeModules = fileURLToPath(new URL('../node_modules/', import.meta.url))

/** Where a dependency of this package is installed (not every package exports its package.json). */
export function packageDir(name: string): string {
  return realpathSync(`${nodeModules}${name}`)
}

/** The script of a dependency's command (`bin` in its package.json), to run with `node`. */
export function packageBin(name: string, command: string): string {
  const dir = packageDir(name)
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> }
  const file = typeof bin === 'string' ? bin : bin?.[command]
  if (!file) throw new Error(`${name} has no ${command} command`)
  return join(dir, file)
}
