import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path'

/** Result of looking a command up: its file, or why there is none. */
export type Resolved = { file: string } | { missing: 'not-found' | 'not-executable' }

/**
 * The folders npm scripts put first on PATH: `node_modules/.bin` of `cwd` and of each parent folder,
 * nearest first.
 */
export function nodeModulesBins(cwd: string): string[] {
  const dirs: string[] = []
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    dirs.push(join(dir, 'node_modules', '.bin'))
    if (dirname(dir) === dir) return dirs
  }
}

/**
 * Looks `command` up as an npm script would, without a shell: a name with a slash is a path (relative to
 * `cwd`); a bare name is searched in `node_modules/.bin` of `cwd` and its parents, then in `PATH`.
 * On Windows, the extensions in `PATHEXT` are tried too.
 */
export function resolveCommand(command: string, cwd: string, env: NodeJS.ProcessEnv, platform = process.platform): Resolved {
  const extensions = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : ['']
  const isPath = command.includes('/') || (platform === 'win32' && command.includes('\\'))
  const candidates = isPath
    ? [isAbsolute(command) ? command : resolve(cwd, command)]
    : [...new Set([...nodeModulesBins(cwd), ...(env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean)])].map((dir) =>
        join(resolve(cwd, dir), command),
      )
  let sawNonExecutable = false
  for (const base of candidates) {
    for (const extension of extensions) {
      const file = base + extension
      if (!isFile(file)) continue
      if (isExecutable(file, platform)) return { file }
      sawNonExecutable = true
    }
  }
  return { missing: sawNonExecutable ? 'not-executable' : 'not-found' }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

function isExecutable(file: string, platform: NodeJS.Platform): boolean {
  if (platform === 'win32') return true
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}
