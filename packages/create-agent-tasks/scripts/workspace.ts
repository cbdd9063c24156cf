import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

export interface WorkspacePackage {
  version: string
  private: boolean
}

/** What a template's `workspace:` and `catalog:` ranges resolve against. */
export interface Workspace {
  packages: Map<string, WorkspacePackage>
  /** `default` is `catalog:`; the others are pnpm's named `catalogs:`. */
  catalogs: Map<string, Record<string, string>>
}

interface WorkspaceFile {
  packages?: string[]
  catalog?: Record<string, string>
  catalogs?: Record<string, Record<string, string>>
}

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

/** The workspace at `root`, from its pnpm-workspace.yaml (package globs of the `dir/*` form, catalogs). */
export function readWorkspace(root: string): Workspace {
  const file = (parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) ?? {}) as WorkspaceFile
  const packages = new Map<string, WorkspacePackage>()
  for (const dir of (file.packages ?? []).flatMap((glob) => packageDirs(root, glob))) {
    const manifest = readJson(join(dir, 'package.json'))
    if (typeof manifest.name === 'string') {
      packages.set(manifest.name, { version: String(manifest.version ?? '0.0.0'), private: manifest.private === true })
    }
  }
  const catalogs = new Map(Object.entries(file.catalogs ?? {}))
  if (file.catalog) catalogs.set('default', { ...catalogs.get('default'), ...file.catalog })
  return { packages, catalogs }
}

function packageDirs(root: string, glob: string): string[] {
  if (glob.startsWith('!')) return []
  if (glob.endsWith('/*') && !glob.slice(0, -2).includes('*')) {
    const parent = join(root, glob.slice(0, -2))
    if (!existsSync(parent)) return []
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(parent, entry.name, 'package.json')))
      .map((entry) => join(parent, entry.name))
  }
  if (glob.includes('*')) throw new Error(`pnpm-workspace.yaml: the package glob ${glob} is not one this build reads (dir/* or a directory).`)
  return existsSync(join(root, glob, 'package.json')) ? [join(root, glob)] : []
}
