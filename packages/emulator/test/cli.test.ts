import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parseCli, parseUserSpec } from '../src/cli-args.js'
import { formatEnvLines, startEmulator } from '../src/index.js'

describe('CLI arguments', () => {
  it('parses flags', () => {
    expect(
      parseCli(['--port', '4010', '--user', 'ada@example.com', '--user', 'Grace B. Hopper <grace@example.com>', '--no-rate-limit', '--token-ttl', '120']),
    ).toEqual({
      port: 4010,
      users: [{ email: 'ada@example.com' }, { email: 'grace@example.com', firstName: 'Grace', lastName: 'B. Hopper' }],
      rateLimit: false,
      sessionTokenTtlSeconds: 120,
    })
    expect(parseCli(['--help'])).toBe('help')
    expect(() => parseCli(['--bogus'])).toThrow()
    expect(() => parseUserSpec('not-an-email')).toThrow()
    expect(() => parseCli(['--instance', 'staging'])).toThrow()
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
})
