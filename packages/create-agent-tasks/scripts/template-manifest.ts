import type { Workspace } from './workspace.ts'

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const

/** Scripts that run tools whose configuration the template leaves behind in the repo. */
const REPO_ONLY_SCRIPT = /^(playwright|biome)\s/

/**
 * The template's package.json as a user gets it: a placeholder name (the scaffold sets the real one),
 * version 0.1.0, not private, every range one npm understands. `@agent-tasks/*` packages of the
 * workspace get `^<their version here>`; other `workspace:` ranges resolve as `pnpm publish` would;
 * `catalog:` ranges come from pnpm-workspace.yaml. A dependency on a private workspace package (the
 * repo's own test harness) and scripts for repo-only tools are dropped, with a warning.
 */
export function publishableManifest(
  template: string,
  manifest: Record<string, unknown>,
  workspace: Workspace,
  warn: (message: string) => void,
): Record<string, unknown> {
  const { name: _name, version: _version, private: _private, ...rest } = manifest
  const result: Record<string, unknown> = { name: `agent-tasks-${template}`, version: '0.1.0', ...rest }
  for (const field of DEPENDENCY_FIELDS) {
    const ranges = manifest[field] as Record<string, string> | undefined
    if (!ranges) continue
    const resolved: Record<string, string> = {}
    for (const [name, range] of Object.entries(ranges)) {
      const publishable = publishableRange(template, name, range, workspace)
      if (publishable === undefined) warn(`${template}: left out ${field}.${name} (${range}), a private workspace package`)
      else resolved[name] = publishable
    }
    result[field] = resolved
  }
  if (manifest.scripts) {
    const scripts = Object.entries(manifest.scripts as Record<string, string>)
    const dropped = scripts.filter(([, command]) => REPO_ONLY_SCRIPT.test(command))
    for (const [script, command] of dropped) warn(`${template}: left out the script ${script} (${command}), for a tool configured only in the repo`)
    result.scripts = Object.fromEntries(scripts.filter(([, command]) => !REPO_ONLY_SCRIPT.test(command)))
  }
  const left = JSON.stringify(result).match(/"([^"]+)":"((?:workspace|catalog|link|portal|file):[^"]*)"/)
  if (left) throw new Error(`${template}: package.json still has ${left[1]}: ${left[2]}, which npm cannot install.`)
  return result
}

/** The range npm installs for `name`, or undefined to leave the dependency out. */
function publishableRange(template: string, name: string, range: string, workspace: Workspace): string | undefined {
  if (range.startsWith('catalog:')) {
    const catalog = range.slice('catalog:'.length) || 'default'
    const version = workspace.catalogs.get(catalog)?.[name]
    if (!version) throw new Error(`${template}: ${name} is ${range} but pnpm-workspace.yaml's ${catalog === 'default' ? 'catalog' : `catalogs.${catalog}`} has no ${name}.`)
    return version
  }
  const local = workspace.packages.get(name)
  if (local?.private && (range.startsWith('workspace:') || name.startsWith('@agent-tasks/'))) return undefined
  if (name.startsWith('@agent-tasks/')) {
    if (!local) throw new Error(`${template}: depends on ${name}, which is not a package of this repo.`)
    return `^${local.version}`
  }
  if (range.startsWith('workspace:')) {
    if (!local) throw new Error(`${template}: ${name} is ${range} but no workspace package is named ${name}.`)
    const spec = range.slice('workspace:'.length)
    if (spec === '*' || spec === '') return local.version
    if (spec === '^' || spec === '~') return `${spec}${local.version}`
    return spec
  }
  return range
}
