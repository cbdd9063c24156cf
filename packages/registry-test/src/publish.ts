import { runCommand } from './run-command.ts'
import { ownManifest, type PublicPackage, REPO_ROOT } from './workspace.ts'

/**
 * Every public package must be a devDependency of this package: that is what makes turbo build it before
 * this test runs (`test` depends on `^build`).
 */
export function assertBuiltBeforeUs(packages: readonly PublicPackage[]): void {
  const declared = ownManifest().devDependencies ?? {}
  const missing = packages.filter((pkg) => declared[pkg.name] !== 'workspace:*').map((pkg) => pkg.name)
  if (missing.length > 0) {
    throw new Error(`add ${missing.map((name) => `"${name}": "workspace:*"`).join(', ')} to packages/registry-test devDependencies, so turbo builds them before this test`)
  }
}

/**
 * The release command's publish step as `pnpm release` runs it (`changeset publish`), pointed at the local
 * registry by the environment; `--no-git-tag` so the run leaves no tags in the repository.
 */
export async function publishAll(env: NodeJS.ProcessEnv): Promise<void> {
  await runCommand('pnpm', ['exec', 'changeset', 'publish', '--no-git-tag'], { cwd: REPO_ROOT, env, timeoutMs: 10 * 60_000 })
}

/** Fails unless the registry serves each package's current version. */
export async function assertPublished(registryUrl: string, packages: readonly PublicPackage[]): Promise<void> {
  for (const pkg of packages) {
    const response = await fetch(new URL(pkg.name.replace('/', '%2f'), registryUrl))
    const versions = response.ok ? Object.keys(((await response.json()) as { versions?: object }).versions ?? {}) : []
    if (!versions.includes(pkg.version)) {
      throw new Error(`the local registry does not serve ${pkg.name}@${pkg.version} after publishing (HTTP ${response.status}; versions: ${versions.join(', ') || 'none'})`)
    }
  }
}
