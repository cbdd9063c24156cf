export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'] as const

export type PackageManager = (typeof PACKAGE_MANAGERS)[number]

export function isPackageManager(name: string | undefined): name is PackageManager {
  return (PACKAGE_MANAGERS as readonly (string | undefined)[]).includes(name)
}

/**
 * The package manager that ran this, from the `npm_config_user_agent` every one of them sets for
 * the commands it runs (`pnpm/10.3.0 npm/? node/v24.1.0 linux x64`); npm when unknown or absent.
 */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  const name = userAgent?.trim().split(' ')[0]?.split('/')[0]
  return isPackageManager(name) ? name : 'npm'
}

/** How a user runs `script` with `manager`, as each one's docs write it. */
export function runScriptCommand(manager: PackageManager, script: string): string {
  if (manager === 'npm') return script === 'start' ? 'npm start' : `npm run ${script}`
  if (manager === 'bun') return `bun run ${script}`
  return `${manager} ${script}`
}
