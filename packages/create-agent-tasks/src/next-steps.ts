import { relative, resolve } from 'node:path'
import { type PackageManager, runScriptCommand } from './package-manager.js'

/** The commands that take the user from here to a running app. */
export function nextSteps(target: string, manager: PackageManager, installed: boolean, scripts: Record<string, string>): string[] {
  const lines: string[] = []
  const path = relative(process.cwd(), resolve(target))
  if (path !== '') lines.push(`cd ${shellQuoted(path)}`)
  if (!installed) lines.push(`${manager} install`)
  const script = 'dev' in scripts ? 'dev' : 'start'
  lines.push(runScriptCommand(manager, script))
  return lines
}

/** `path` as one shell word (POSIX quoting), unquoted when it needs none. */
function shellQuoted(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`
}
