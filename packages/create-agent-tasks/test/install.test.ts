import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { create, readJson, tempDir } from './support.ts'

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

/**
 * Whether npm can resolve the template's @agent-tasks packages from the registry it is configured
 * with here; until they are published (or a local registry is configured), the successful install is
 * covered by the registry test (packages/registry-test), which publishes them to Verdaccio first.
 */
const released =
  spawnSync('npm', ['view', '@agent-tasks/express@^0.1.0', 'version', '--fetch-retries=0', '--fetch-timeout=15000'], { encoding: 'utf8', timeout: 30_000 }).stdout?.trim() !== ''

describe('installing: <manager> install behind a progress line, its output shown when it fails', () => {
  it('npm failing (its registry unreachable): exit 4, npm’s output on stderr, the app kept, npm install in the next steps', async () => {
    const cwd = tempDir()
    const env = {
      npm_config_registry: `http://127.0.0.1:${await closedPort()}/`,
      npm_config_fetch_retries: '0',
      npm_config_cache: tempDir('npm-cache'),
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    }
    const ran = await create(['my-app', '--template', 'express', '--package-manager', 'npm'], cwd, env)
    expect(ran.code).toBe(4)
    expect(ran.stdout).toContain('Installing dependencies with npm…\nnpm install failed\n')
    expect(ran.stderr).toMatch(/npm (ERR!|error) .*ECONNREFUSED/)
    expect(ran.stderr).toContain(`create-agent-tasks: npm install exited with code 1. The app is in ${join(cwd, 'my-app')}; install its dependencies there yourself.`)
    expect(readJson(join(cwd, 'my-app/package.json')).name).toBe('my-app')
    expect(existsSync(join(cwd, 'my-app/node_modules/@agent-tasks'))).toBe(false)
    expect(ran.stdout).toMatch(/cd my-app\n {2}npm install\n {2}npm (start|run dev)\n/)
  })

  it('a package manager that is not installed: exit 4, saying so and naming --package-manager', async () => {
    const cwd = tempDir()
    const ran = await create(['my-app', '--template', 'fastify', '--package-manager', 'pnpm'], cwd, { PATH: tempDir('empty-path') })
    expect(ran.code).toBe(4)
    expect(ran.stdout).toContain('Installing dependencies with pnpm…\npnpm install did not run\n')
    expect(ran.stderr).toContain('create-agent-tasks: pnpm was not found on PATH: install it, or choose another with --package-manager.')
    expect(existsSync(join(cwd, 'my-app/package.json'))).toBe(true)
    expect(ran.stdout).toContain('  pnpm install\n')
  })

  it.runIf(released)('npm succeeding: the express app with its dependencies installed', { timeout: 600_000 }, async () => {
    const cwd = tempDir()
    const ran = await create(['my-app', '--template', 'express', '--package-manager', 'npm'], cwd)
    expect(ran.code, ran.stderr).toBe(0)
    expect(ran.stdout).toContain('Installing dependencies with npm…\nInstalled dependencies with npm\n')
    expect(existsSync(join(cwd, 'my-app/node_modules/@agent-tasks/express/package.json'))).toBe(true)
    expect(ran.stdout).toMatch(/cd my-app\n {2}npm (start|run dev)\n/)
  })
})
