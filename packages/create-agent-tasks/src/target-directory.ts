import { readdirSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { basename, resolve } from 'node:path'
import { CreateError, EXIT } from './exit.js'

/** Where `--yes` creates the app when no directory is given. */
export const DEFAULT_DIRECTORY = 'my-agent-tasks-app'

/**
 * Why `directory` cannot receive a new app, or undefined when it can: it does not exist yet, or it is
 * an empty directory. Anything in it, even a `.git`, is a reason: the scaffold never overwrites or
 * merges.
 */
export function whyNotUsable(directory: string): string | undefined {
  const path = resolve(directory)
  let stats: ReturnType<typeof statSync>
  try {
    stats = statSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    return `${directory} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`
  }
  if (!stats.isDirectory()) return `${directory} exists and is not a directory.`
  const entries = readdirSync(path)
  if (entries.length > 0) {
    const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '')
    return `${directory} is not empty (${shown}): choose a new or empty directory.`
  }
  return undefined
}

export function assertUsable(directory: string): void {
  const reason = whyNotUsable(directory)
  if (reason) throw new CreateError(`${reason} Nothing was written.`, EXIT.targetNotEmpty)
}

/**
 * The npm package name for an app in `directory`: its last path segment made valid (lower case,
 * only URL-safe characters, no leading dot or underscore, at most 214 characters) and not a name npm
 * refuses for new packages (a Node built-in such as `http`, `node_modules`).
 */
export function packageNameFor(directory: string): string {
  const name = basename(resolve(directory))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[._~-]+/, '')
    .replace(/[.-]+$/, '')
    .slice(0, 200)
  if (name === '') return 'agent-tasks-app'
  if (builtinModules.includes(name) || name === 'node_modules' || name === 'favicon.ico') return `${name}-app`
  return name
}
