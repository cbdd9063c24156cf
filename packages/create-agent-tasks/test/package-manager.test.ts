import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { create, readJson, tempDir } from './support.ts'

/** Scaffolds nextjs (it has a dev script) without installing; the next steps it prints. */
async function nextSteps(args: string[], userAgent?: string): Promise<string> {
  const cwd = tempDir()
  const ran = await create(['app', '--template', 'nextjs', '--no-install', ...args], cwd, userAgent ? { npm_config_user_agent: userAgent } : {})
  expect(ran.code, ran.stderr).toBe(0)
  expect((readJson(join(cwd, 'app/package.json')).scripts as Record<string, string>).dev).toBeDefined()
  return ran.stdout.slice(ran.stdout.indexOf('Next steps:'))
}

describe('the package manager: --package-manager, else the one that ran it (npm_config_user_agent), else npm', () => {
  it.each([
    ['npm/10.9.2 node/v24.1.0 linux x64 workspaces/false', 'npm install\n  npm run dev'],
    ['pnpm/10.34.8 npm/? node/v24.1.0 linux x64', 'pnpm install\n  pnpm dev'],
    ['yarn/1.22.22 npm/? node/v24.1.0 linux x64', 'yarn install\n  yarn dev'],
    ['yarn/4.9.1 npm/? node/v24.1.0 linux x64', 'yarn install\n  yarn dev'],
    ['bun/1.2.10 npm/? node/v24.1.0 linux x64', 'bun install\n  bun run dev'],
    ['deno/2.3.1 npm/? deno/2.3.1 linux x86_64', 'npm install\n  npm run dev'],
    [undefined, 'npm install\n  npm run dev'],
  ])('user agent %s', async (userAgent, steps) => {
    expect(await nextSteps([], userAgent)).toContain(`cd app\n  ${steps}\n`)
  })

  it('--package-manager wins over the one that ran it', async () => {
    expect(await nextSteps(['--package-manager', 'yarn'], 'pnpm/10.34.8 npm/? node/v24.1.0 linux x64')).toContain('yarn install\n  yarn dev\n')
    expect(await nextSteps(['-p', 'bun'])).toContain('bun install\n  bun run dev\n')
  })
})
