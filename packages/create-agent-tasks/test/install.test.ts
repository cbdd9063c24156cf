import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, cleanEnv, create, readJson, tempDir } from './support.ts'

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

  it('Ctrl-C while installing: the install stopped, exit 130, the app kept', async () => {
    // A registry that accepts connections and never answers: npm waits on it.
    const sockets = new Set<import('node:net').Socket>()
    const registry = createServer((socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.resume()
    }).listen(0, '127.0.0.1')
    await once(registry, 'listening')
    try {
      const cwd = tempDir()
      const env = cleanEnv({ npm_config_registry: `http://127.0.0.1:${(registry.address() as { port: number }).port}/`, npm_config_cache: tempDir('npm-cache'), npm_config_fetch_retries: '0' })
      const child = spawn(process.execPath, [BIN, 'my-app', '--template', 'express', '--package-manager', 'npm'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk) => (stdout += chunk))
      child.stderr.on('data', (chunk) => (stderr += chunk))
      while (sockets.size === 0) await new Promise((resolve) => setTimeout(resolve, 50))
      child.kill('SIGINT')
      const [code] = await once(child, 'close')
      expect(code, stderr).toBe(130)
      expect(stdout).toContain('Installing dependencies with npm…\nnpm install interrupted\n')
      expect(stderr).toContain('create-agent-tasks: npm install was interrupted.')
      expect(readJson(join(cwd, 'my-app/package.json')).name).toBe('my-app')
      // npm is gone: its connections to the registry are closed.
      const deadline = Date.now() + 10_000
      while (sockets.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
      expect(sockets.size).toBe(0)
    } finally {
      for (const socket of sockets) socket.destroy()
      registry.close()
    }
  })

  it.runIf(released)('npm succeeding: the express app with its dependencies installed', { timeout: 600_000 }, async () => {
    const cwd = tempDir()
    const ran = await create(['my-app', '--template', 'express', '--package-manager', 'npm'], cwd, {}, 590_000)
    expect(ran.code, ran.stderr).toBe(0)
    expect(ran.stdout).toContain('Installing dependencies with npm…\nInstalled dependencies with npm\n')
    expect(existsSync(join(cwd, 'my-app/node_modules/@agent-tasks/express/package.json'))).toBe(true)
    expect(ran.stdout).toMatch(/cd my-app\n {2}npm (start|run dev)\n/)
  })
})
