import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The repository this package lives in. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..')

export interface PackageManifest {
  name: string
  version: string
  private?: boolean
  exports?: Record<string, unknown>
  bin?: string | Record<string, string>
  devDependencies?: Record<string, string>
}

export interface PublicPackage {
  name: string
  version: string
  dir: string
  manifest: PackageManifest
}

function readManifest(dir: string): PackageManifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest
}

/** Every package under packages/ that is published (not `private`), as it is on disk now. */
export function publicPackages(): PublicPackage[] {
  const root = join(REPO_ROOT, 'packages')
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, entry.name))
    .flatMap((dir) => {
      try {
        return [{ dir, manifest: readManifest(dir) }]
      } catch {
        return [] // a folder without a package.json (left behind by a build, say)
      }
    })
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir, manifest }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** This package's own manifest. */
export function ownManifest(): PackageManifest {
  return readManifest(resolve(import.meta.dirname, '..'))
}

/** A version range from the `catalog:` in pnpm-workspace.yaml (one `name: range` line per entry). */
export function catalogRange(name: string): string {
  const yaml = readFileSync(join(REPO_ROOT, 'pnpm-workspace.yaml'), 'utf8')
  const quoted = name.startsWith('@') ? `"${name}"` : name
  const match = yaml.match(new RegExp(`^  ${quoted.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: (.+)$`, 'm'))
  if (!match?.[1]) throw new Error(`pnpm-workspace.yaml has no catalog entry for ${name}`)
  return match[1].trim()
}
