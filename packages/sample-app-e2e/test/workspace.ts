import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

export interface Manifest {
  name: string
  version: string
  private?: boolean
  engines?: { node?: string }
  scripts?: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
}

/** The workspace packages under packages/, by name. */
export function workspacePackages(): Map<string, Manifest> {
  const packages = new Map<string, Manifest>()
  for (const entry of readdirSync(join(repoRoot, 'packages'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    try {
      const manifest = readManifest(join(repoRoot, 'packages', entry.name))
      packages.set(manifest.name, manifest)
    } catch {
      // a folder without a package.json
    }
  }
  return packages
}

/** The `catalog:` of pnpm-workspace.yaml: `name: range` lines under `catalog:`, names optionally quoted. */
export function pnpmCatalog(): Map<string, string> {
  const catalog = new Map<string, string>()
  let inCatalog = false
  for (const line of readFileSync(join(repoRoot, 'pnpm-workspace.yaml'), 'utf8').split('\n')) {
    if (/^\S/.test(line)) inCatalog = line.trim() === 'catalog:'
    const entry = inCatalog ? /^\s+"?([^":#\s][^":]*?)"?:\s*(\S+)\s*$/.exec(line) : null
    if (entry?.[1] && entry[2]) catalog.set(entry[1], entry[2])
  }
  return catalog
}

/** Whether `version` satisfies the caret range `range` (`^1.2.3`, or `^0.1.0`: 0.1.x only). */
export function satisfiesCaret(version: string, range: string): boolean {
  const want = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range)
  const have = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)
  if (!want || !have) return false
  const [w0, w1, w2] = want.slice(1).map(Number) as [number, number, number]
  const [h0, h1, h2] = have.slice(1).map(Number) as [number, number, number]
  if (w0 > 0) return h0 === w0 && (h1 > w1 || (h1 === w1 && h2 >= w2))
  if (w1 > 0) return h0 === 0 && h1 === w1 && h2 >= w2
  return h0 === 0 && h1 === 0 && h2 === w2
}
