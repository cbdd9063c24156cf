import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parseCli, parseUserSpec, RUN_DEFAULT_PORT, resolvePort } from '../src/cli-args.js'
import { formatEnvLines, sdkEnv, startEmulator } from '../src/index.js'

describe('CLI arguments', () => {
  it('parses flags', () => {
    expect(
      parseCli(['--port', '4010', '--user', 'ada@example.com', '--user', 'Grace B. Hopper <grace@example.com>', '--no-rate-limit', '--token-ttl', '120']),
    ).toEqual({
      kind: 'serve',
      options: {
        port: 4010,
        users: [{ email: 'ada@example.com' }, { email: 'grace@example.com', firstName: 'Grace', lastName: 'B. Hopper' }],
        rateLimit: false,
        sessionTokenTtlSeconds: 120,
      },
    })
    expect(parseCli(['--help'])).toEqual({ kind: 'help' })
    expect(parseCli(['-v'])).toEqual({ kind: 'version' })
    expect(() => parseCli(['--bogus'])).toThrow()
    expect(() => parseUserSpec('not-an-email')).toThrow()
    expect(() => parseCli(['--instance', 'staging'])).toThrow()
  })

  it('parses run: its own options before "--", the command and its arguments (flags included) after', () => {
    expect(parseCli(['run', '--user', 'ada@example.com', '--', 'next', 'start', '--port', '3001', '--'])).toEqual({
      kind: 'run',
      options: { port: RUN_DEFAULT_PORT, users: [{ email: 'ada@example.com' }] },
      command: 'next',
      args: ['start', '--port', '3001', '--'],
    })
    expect(() => parseCli(['run', 'next'])).toThrow('Put the command after "--"')
    expect(() => parseCli(['run', '--'])).toThrow('run needs a command after "--"')
    expect(() => parseCli(['next'])).toThrow('agent-tasks-emulator run [options] -- <command>')
  })

  it('picks the port: --port, else AGENT_TASKS_EMULATOR_PORT, else 4010 for run and a random one otherwise', () => {
    expect(RUN_DEFAULT_PORT).toBe(4010)
    const port = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
      const request = parseCli(argv, env)
      return request.kind === 'run' || request.kind === 'serve' ? request.options.port : 'none'
    }
    expect(port(['run', '--', 'x'])).toBe(4010)
    expect(port(['run', '--', 'x'], { AGENT_TASKS_EMULATOR_PORT: '' })).toBe(4010)
    expect(port(['run', '--', 'x'], { AGENT_TASKS_EMULATOR_PORT: '5001' })).toBe(5001)
    expect(port(['run', '--port', '5002', '--', 'x'], { AGENT_TASKS_EMULATOR_PORT: '5001' })).toBe(5002)
    expect(port(['run', '--port', '0', '--', 'x'])).toBe(0)
    expect(port([])).toBeUndefined()
    expect(port([], { AGENT_TASKS_EMULATOR_PORT: '5001' })).toBe(5001)
    expect(() => port(['run', '--', 'x'], { AGENT_TASKS_EMULATOR_PORT: 'abc' })).toThrow('AGENT_TASKS_EMULATOR_PORT expects')
    expect(() => port(['run', '--port', '70000', '--', 'x'])).toThrow('--port must be a port number 0-65535')
    expect(() => resolvePort('-1', {}, undefined)).toThrow('--port expects')
  })
})

describe('env output', () => {
  it('round-trips through node --env-file with the PEM intact', async () => {
    const emulator = await startEmulator()
    const dir = await mkdtemp(join(tmpdir(), 'emu-env-'))
    try {
      const text = formatEnvLines(emulator.env)
      expect(text.split('\n')).toHaveLength(Object.keys(emulator.env).length)
      expect(text).toMatch(/^CLERK_JWT_KEY="-----BEGIN PUBLIC KEY-----\\n.+\\n-----END PUBLIC KEY-----"$/m)
      const file = join(dir, '.env')
      await writeFile(file, `${text}\n`)
      const { stdout } = await promisify(execFile)(process.execPath, [
        `--env-file=${file}`,
        '-e',
        'process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("CLERK_")))))',
      ])
      expect(JSON.parse(stdout)).toEqual(emulator.env)
    } finally {
      await rm(dir, { recursive: true, force: true })
      await emulator.close()
    }
  })

  it("sdkEnv adds each SDK's names with the same values and leaves emulator.env as it was", async () => {
    const emulator = await startEmulator()
    try {
      const env = sdkEnv(emulator.env)
      expect(Object.keys(emulator.env)).toHaveLength(9)
      expect(env).toMatchObject(emulator.env)
      expect(env.NEXT_PUBLIC_CLERK_PROXY_URL).toBe(emulator.url)
      expect(env.VITE_CLERK_PUBLISHABLE_KEY).toBe(emulator.publishableKey)
      expect(env.NUXT_CLERK_JWT_KEY).toBe(emulator.jwtKey)
      expect(env.PUBLIC_CLERK_TELEMETRY_DISABLED).toBe('true')
      expect(Object.keys(env)).toHaveLength(9 + 4 * 5 + 3)
      expect(env.PUBLIC_CLERK_SIGN_IN_URL).toBeUndefined()
    } finally {
      await emulator.close()
    }
  })
})
