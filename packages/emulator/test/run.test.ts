import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { once } from 'node:events'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { parseEnv } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, runBin, startBin, tempDir } from './support/bin.js'

/** Every variable `run` adds, by the SDK that reads it (checked against the SDKs' dist files). */
const EXPECTED_NAMES = {
  'CLERK_* (@clerk/express, @clerk/fastify, @clerk/react-router, @clerk/tanstack-react-start)': [
    'CLERK_API_URL',
    'CLERK_SECRET_KEY',
    'CLERK_PUBLISHABLE_KEY',
    'CLERK_JWT_KEY',
    'CLERK_PROXY_URL',
    'CLERK_SIGN_IN_URL',
    'CLERK_TELEMETRY_DISABLED',
    'CLERK_JS_URL',
    'CLERK_UI_URL',
  ],
  '@clerk/nextjs': [
    'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
    'NEXT_PUBLIC_CLERK_PROXY_URL',
    'NEXT_PUBLIC_CLERK_JS_URL',
    'NEXT_PUBLIC_CLERK_UI_URL',
    'NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED',
  ],
  '@clerk/astro': [
    'PUBLIC_CLERK_PUBLISHABLE_KEY',
    'PUBLIC_CLERK_PROXY_URL',
    'PUBLIC_CLERK_JS_URL',
    'PUBLIC_CLERK_UI_URL',
    'PUBLIC_CLERK_TELEMETRY_DISABLED',
  ],
  '@clerk/nuxt': [
    'NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
    'NUXT_PUBLIC_CLERK_PROXY_URL',
    'NUXT_PUBLIC_CLERK_JS_URL',
    'NUXT_PUBLIC_CLERK_UI_URL',
    'NUXT_PUBLIC_CLERK_TELEMETRY_DISABLED',
    'NUXT_CLERK_SECRET_KEY',
    'NUXT_CLERK_API_URL',
    'NUXT_CLERK_JWT_KEY',
  ],
  '@clerk/react-router, @clerk/tanstack-react-start (VITE_ wins over CLERK_)': [
    'VITE_CLERK_PUBLISHABLE_KEY',
    'VITE_CLERK_PROXY_URL',
    'VITE_CLERK_JS_URL',
    'VITE_CLERK_UI_URL',
    'VITE_CLERK_TELEMETRY_DISABLED',
  ],
}
const ALL_NAMES = Object.values(EXPECTED_NAMES).flat()
const SECRET_NAMES = new Set(['CLERK_SECRET_KEY', 'NUXT_CLERK_SECRET_KEY', 'CLERK_JWT_KEY', 'NUXT_CLERK_JWT_KEY'])

// The command `run` starts in most tests: prints its argv and environment as JSON, and what the
// emulator named in that environment answers (so the emulator runs while the command does).
const PROBE = `
const env = process.env
let jwks = null, users = null
if (env.CLERK_API_URL) {
  const auth = { Authorization: 'Bearer ' + env.CLERK_SECRET_KEY }
  jwks = (await fetch(env.CLERK_API_URL + '/v1/jwks', { headers: auth })).status
  users = (await (await fetch(env.CLERK_API_URL + '/v1/users', { headers: auth })).json()).map((u) => u.email_addresses[0].email_address)
}
process.stdout.write(JSON.stringify({ argv: process.argv.slice(2), env, jwks, users }))
`

interface Probed {
  argv: string[]
  env: Record<string, string>
  jwks: number | null
  users: string[] | null
}

let dir: string
let probe: string

beforeAll(async () => {
  dir = await tempDir('emu-run-')
  probe = join(dir, 'probe.mjs')
  await writeFile(probe, PROBE)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function connects(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/v1/jwks`)
    return true
  } catch {
    return false
  }
}

describe('agent-tasks-emulator run', () => {
  it('runs the command with every variable each SDK reads, the emulator up while it runs and stopped after', async () => {
    const port = await freePort()
    const ran = await runBin(['run', '--port', String(port), '--', process.execPath, probe], { cwd: dir })
    expect(ran.code, ran.stderr).toBe(0)
    const probed = JSON.parse(ran.stdout) as Probed
    for (const name of ALL_NAMES) expect(probed.env[name], name).toBeTruthy()

    const url = `http://127.0.0.1:${port}`
    const publishableKey = probed.env.CLERK_PUBLISHABLE_KEY ?? ''
    expect(Buffer.from(publishableKey.replace(/^pk_test_/, ''), 'base64').toString()).toBe(`127.0.0.1:${port}$`)
    for (const prefix of ['', 'NEXT_PUBLIC_', 'PUBLIC_', 'NUXT_PUBLIC_', 'VITE_']) {
      expect(probed.env[`${prefix}CLERK_PUBLISHABLE_KEY`]).toBe(publishableKey)
      expect(probed.env[`${prefix}CLERK_PROXY_URL`]).toBe(url)
      // The hosted page only under the server name: an app's own sign-in page must win in the browser.
      expect(probed.env[`${prefix}CLERK_SIGN_IN_URL`]).toBe(prefix === '' ? `${url}/sign-in` : undefined)
      expect(probed.env[`${prefix}CLERK_JS_URL`]).toBe(`${url}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`)
      expect(probed.env[`${prefix}CLERK_UI_URL`]).toBe(`${url}/npm/@clerk/ui@1/dist/ui.browser.js`)
    }
    // Astro validates this one as a boolean: "true" or "false" only.
    expect(probed.env.PUBLIC_CLERK_TELEMETRY_DISABLED).toBe('true')
    expect(probed.env.NUXT_CLERK_SECRET_KEY).toBe(probed.env.CLERK_SECRET_KEY)
    expect(probed.env.NUXT_CLERK_API_URL).toBe(url)
    expect(probed.env.NUXT_CLERK_JWT_KEY).toBe(probed.env.CLERK_JWT_KEY)
    expect(probed.env.CLERK_JWT_KEY).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n?$/)

    expect(probed.jwks).toBe(200)
    expect(probed.users).toEqual(['ada@example.com'])
    expect(ran.stderr).toContain(`Clerk development emulator on ${url}`)
    expect(ran.stderr).toContain('Ada Lovelace <ada@example.com>')
    expect(await connects(port)).toBe(false)
  })

  it('seeds the --user given instead of Ada', async () => {
    const ran = await runBin(['run', '--port', '0', '--user', 'Grace Hopper <grace@example.com>', '--', process.execPath, probe], { cwd: dir })
    expect(ran.code, ran.stderr).toBe(0)
    expect((JSON.parse(ran.stdout) as Probed).users).toEqual(['grace@example.com'])
    expect(ran.stderr).toContain('Grace Hopper <grace@example.com>')
  })

  it('two runs on the same port give identical public values (a build and a later start agree)', async () => {
    const port = await freePort()
    const runs: Record<string, string>[] = []
    for (let i = 0; i < 2; i++) {
      const ran = await runBin(['run', '--port', String(port), '--', process.execPath, probe], { cwd: dir })
      expect(ran.code, ran.stderr).toBe(0)
      runs.push((JSON.parse(ran.stdout) as Probed).env)
    }
    const [first = {}, second = {}] = runs
    const publicNames = ALL_NAMES.filter((name) => !SECRET_NAMES.has(name))
    expect(publicNames.length).toBeGreaterThan(25)
    for (const name of publicNames) expect(second[name], name).toBe(first[name])
    // Two emulators really ran: each start makes its own keys.
    expect(second.CLERK_SECRET_KEY).not.toBe(first.CLERK_SECRET_KEY)
    expect(second.CLERK_JWT_KEY).not.toBe(first.CLERK_JWT_KEY)
  })

  it('takes the port from AGENT_TASKS_EMULATOR_PORT, and --port over it', async () => {
    const [fromEnv, fromFlag] = [await freePort(), await freePort()]
    const viaEnv = await runBin(['run', '--', process.execPath, probe], { cwd: dir, env: { AGENT_TASKS_EMULATOR_PORT: String(fromEnv) } })
    expect((JSON.parse(viaEnv.stdout) as Probed).env.CLERK_API_URL).toBe(`http://127.0.0.1:${fromEnv}`)
    const viaFlag = await runBin(['run', '--port', String(fromFlag), '--', process.execPath, probe], {
      cwd: dir,
      env: { AGENT_TASKS_EMULATOR_PORT: String(fromEnv) },
    })
    expect((JSON.parse(viaFlag.stdout) as Probed).env.CLERK_API_URL).toBe(`http://127.0.0.1:${fromFlag}`)
  })

  it('passes the arguments through without a shell', async () => {
    const args = ['a b', '$HOME', '*', '"quoted"', "it's", '; echo injected', '']
    const ran = await runBin(['run', '--port', '0', '--', process.execPath, probe, ...args], { cwd: dir })
    expect(ran.code, ran.stderr).toBe(0)
    expect((JSON.parse(ran.stdout) as Probed).argv).toEqual(args)
  })

  it("exits with the command's exit code", async () => {
    for (const code of [0, 1, 7, 255]) {
      const ran = await runBin(['run', '--port', '0', '--', process.execPath, '-e', `process.exit(${code})`], { cwd: dir })
      expect(ran.code, ran.stderr).toBe(code)
    }
  })

  it('forwards SIGTERM and SIGINT to the command, exits with its code, and stops the emulator', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const port = await freePort()
      const script = `process.on('${signal}', () => { process.stdout.write('got ${signal}'); process.exit(42) }); process.stdout.write('ready;'); setInterval(() => {}, 1000)`
      const started = startBin(['run', '--port', String(port), '--', process.execPath, '-e', script], { cwd: dir })
      await started.waitForStdout('ready;')
      expect(await connects(port)).toBe(true)
      // To `run` only (not its process group), as a process manager stopping it would.
      started.child.kill(signal)
      const ran = await started.exited
      expect(ran.stdout).toContain(`got ${signal}`)
      expect(ran.code).toBe(42)
      expect(await connects(port)).toBe(false)
    }
  })

  it('exits with 128+n when a signal ends the command', async () => {
    for (const [signal, code] of [
      ['SIGTERM', 143],
      ['SIGINT', 130],
      ['SIGHUP', 129],
    ] as const) {
      const started = startBin(['run', '--port', '0', '--', process.execPath, '-e', `process.stdout.write('ready;'); setInterval(() => {}, 1000)`], { cwd: dir })
      await started.waitForStdout('ready;')
      started.child.kill(signal)
      const ran = await started.exited
      expect(ran.code, signal).toBe(code)
      expect(ran.signal).toBeNull()
    }
  })

  it('looks the command up in node_modules/.bin of the folder and its parents, nearest first, then PATH', async () => {
    const project = await tempDir('emu-run-bin-')
    try {
      const app = join(project, 'app')
      const tool = (text: string) => `#!/usr/bin/env node\nprocess.stdout.write(${JSON.stringify(text)} + ' ' + (process.env.VITE_CLERK_PUBLISHABLE_KEY ? 'with keys' : 'without keys'))\n`
      for (const [folder, name, text] of [
        [project, 'parent-tool', 'parent'],
        [project, 'both-tool', 'parent'],
        [app, 'both-tool', 'nearest'],
      ] as const) {
        await mkdir(join(folder, 'node_modules', '.bin'), { recursive: true })
        await writeFile(join(folder, 'node_modules', '.bin', name), tool(text))
        await chmod(join(folder, 'node_modules', '.bin', name), 0o755)
      }
      const fromParent = await runBin(['run', '--port', '0', '--', 'parent-tool'], { cwd: app })
      expect(fromParent.stdout).toBe('parent with keys')
      const nearest = await runBin(['run', '--port', '0', '--', 'both-tool'], { cwd: app })
      expect(nearest.stdout).toBe('nearest with keys')
      // And PATH: `node` by name.
      const onPath = await runBin(['run', '--port', '0', '--', 'node', '-e', 'process.exit(5)'], { cwd: app })
      expect(onPath.code).toBe(5)

      await writeFile(join(app, 'node_modules', '.bin', 'not-executable'), tool('x'))
      const notExecutable = await runBin(['run', '--port', '0', '--', 'not-executable'], { cwd: app })
      expect(notExecutable.code).toBe(126)
      expect(notExecutable.stderr).toContain('not-executable: command found but not executable')
    } finally {
      await rm(project, { recursive: true, force: true })
    }
  })

  it('exits 127 for a command that does not exist, starting nothing', async () => {
    const port = await freePort()
    const ran = await runBin(['run', '--port', String(port), '--', 'agent-tasks-no-such-command'], { cwd: dir })
    expect(ran.code).toBe(127)
    expect(ran.stderr).toContain('agent-tasks-no-such-command: command not found')
    expect(ran.stderr).not.toContain('emulator on')
  })

  describe('a busy port', () => {
    let blocker: Server
    let port: number

    beforeAll(async () => {
      blocker = createServer()
      blocker.listen(0, '127.0.0.1')
      await once(blocker, 'listening')
      port = (blocker.address() as { port: number }).port
    })

    afterAll(() => {
      blocker.close()
    })

    it('is exit code 3 with an error naming --port and AGENT_TASKS_EMULATOR_PORT, the command not run', async () => {
      const marker = join(dir, 'ran-anyway')
      const command = ['--', process.execPath, '-e', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')`]
      for (const ran of [
        await runBin(['run', '--port', String(port), ...command], { cwd: dir }),
        await runBin(['run', ...command], { cwd: dir, env: { AGENT_TASKS_EMULATOR_PORT: String(port) } }),
      ]) {
        expect(ran.code).toBe(3)
        expect(ran.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`)
        expect(ran.stderr).toContain('--port <n>')
        expect(ran.stderr).toContain('AGENT_TASKS_EMULATOR_PORT=<n>')
      }
      await expect(readFile(marker)).rejects.toThrow()
    })

    it('is exit code 3 for plain agent-tasks-emulator too', async () => {
      const ran = await runBin(['--port', String(port)], { cwd: dir })
      expect(ran.code).toBe(3)
      expect(ran.stderr).toContain('AGENT_TASKS_EMULATOR_PORT=<n>')
    })
  })
})

describe('agent-tasks-emulator run with real Clerk keys', () => {
  const fakeKey = 'sk_test_NotARealKeyButLooksLikeOne1234567890'

  it('passes CLERK_SECRET_KEY from the environment through unchanged and starts no emulator', async () => {
    const port = await freePort()
    const env = { CLERK_SECRET_KEY: fakeKey, CLERK_PUBLISHABLE_KEY: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k', SOMETHING_ELSE: 'kept' }
    const ran = await runBin(['run', '--port', String(port), '--', process.execPath, probe], { cwd: dir, env })
    expect(ran.code, ran.stderr).toBe(0)
    const probed = JSON.parse(ran.stdout) as Probed
    expect(probed.env).toEqual({ PATH: process.env.PATH, ...env })
    expect(ran.stderr).toContain('CLERK_SECRET_KEY is set in the environment: running')
    expect(ran.stderr).toContain('on real Clerk')
    expect(ran.stderr).not.toContain(fakeKey)
    expect(ran.stderr).not.toContain('NotARealKey')
  })

  it('names the Clerk API the keys lead to when CLERK_API_URL is set (another emulator, as a test harness gives)', async () => {
    const env = { CLERK_SECRET_KEY: fakeKey, CLERK_API_URL: 'http://127.0.0.1:4999' }
    // The probe then fails to reach that API (nothing listens there): only run's own line matters here.
    const ran = await runBin(['run', '--port', '0', '--', process.execPath, probe], { cwd: dir, env })
    expect(ran.stderr).toContain('on the Clerk API at http://127.0.0.1:4999, without starting an emulator')
    expect(ran.stderr).not.toContain('real Clerk')
  })

  it.each([
    ['.env', 'CLERK_SECRET_KEY'],
    ['.env.local', 'CLERK_SECRET_KEY'],
    ['.env', 'NUXT_CLERK_SECRET_KEY'],
  ])('finds %s with %s in the working folder (parsed like Node does) and leaves the environment alone', async (file, name) => {
    const project = await tempDir('emu-run-dotenv-')
    try {
      await writeFile(join(project, file), `# real keys\nexport ${name}="${fakeKey}" # from the dashboard\nCLERK_PUBLISHABLE_KEY=pk_test_x\n`)
      const ran = await runBin(['run', '--port', '0', '--', process.execPath, probe], { cwd: project, env: { KEPT: '1' } })
      expect(ran.code, ran.stderr).toBe(0)
      // The app loads the file itself; run adds nothing.
      expect((JSON.parse(ran.stdout) as Probed).env).toEqual({ PATH: process.env.PATH, KEPT: '1' })
      expect(ran.stderr).toContain(`${name} is set in ${file}: running`)
      expect(`${ran.stdout}${ran.stderr}`).not.toContain(fakeKey)
    } finally {
      await rm(project, { recursive: true, force: true })
    }
  })

  it('starts the emulator when .env has the key empty or commented out', async () => {
    const project = await tempDir('emu-run-dotenv-')
    try {
      await writeFile(join(project, '.env'), `CLERK_SECRET_KEY=\n# CLERK_SECRET_KEY=${fakeKey}\n`)
      await writeFile(join(project, '.env.local'), 'NUXT_CLERK_SECRET_KEY=""\n')
      const ran = await runBin(['run', '--port', '0', '--', process.execPath, probe], { cwd: project })
      expect(ran.code, ran.stderr).toBe(0)
      expect((JSON.parse(ran.stdout) as Probed).env.CLERK_SECRET_KEY).toMatch(/^sk_test_/)
      expect((JSON.parse(ran.stdout) as Probed).env.CLERK_SECRET_KEY).not.toBe(fakeKey)
      expect(ran.stderr).toContain('emulator on')
    } finally {
      await rm(project, { recursive: true, force: true })
    }
  })
})

describe('plain agent-tasks-emulator', () => {
  it('prints every variable each SDK reads as KEY=value lines, and stops on SIGTERM', async () => {
    const port = await freePort()
    const started = startBin([], { cwd: dir, env: { AGENT_TASKS_EMULATOR_PORT: String(port) } })
    await started.waitForStdout('NUXT_CLERK_JWT_KEY=')
    const printed = parseEnv(started.output.stdout) as Record<string, string>
    expect(Object.keys(printed).sort()).toEqual([...ALL_NAMES].sort())
    expect(printed.NEXT_PUBLIC_CLERK_PROXY_URL).toBe(`http://127.0.0.1:${port}`)
    expect(printed.CLERK_JWT_KEY).toContain('-----BEGIN PUBLIC KEY-----\n')
    started.child.kill('SIGTERM')
    expect((await started.exited).code).toBe(0)
  })

  it('stops cleanly (exit 0) on a SIGTERM sent the moment its first line arrives', async () => {
    // Regression: the handlers were installed after printing, so a reader that stopped it at once killed it.
    const stopped = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const started = startBin(['--port', '0'], { cwd: dir })
        await started.waitForStdout('CLERK_API_URL=')
        started.child.kill('SIGTERM')
        const ran = await started.exited
        return { code: ran.code, signal: ran.signal }
      }),
    )
    expect(stopped).toEqual(Array.from({ length: 6 }, () => ({ code: 0, signal: null })))
  })
})

describe('--version and --help', () => {
  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    for (const flag of ['--version', '-v']) {
      const ran = await runBin([flag], { cwd: dir })
      expect(ran.code).toBe(0)
      expect(ran.stdout).toBe(`${version}\n`)
    }
    expect((await runBin(['run', '--version'], { cwd: dir })).stdout).toBe(`${version}\n`)
  })

  it('documents run, the default port, its overrides and the exit codes', async () => {
    const ran = await runBin(['--help'], { cwd: dir })
    expect(ran.code).toBe(0)
    for (const text of [
      'agent-tasks-emulator run [options] -- <command> [args...]',
      'AGENT_TASKS_EMULATOR_PORT, else 4010',
      '--port <n>',
      'CLERK_SECRET_KEY',
      '.env.local',
      'Ada Lovelace <ada@example.com>',
      "the command's exit code, or 128+n",
      '127 command not found',
      '3 the port is in use',
      '-v, --version',
    ]) {
      expect(ran.stdout).toContain(text)
    }
    expect((await runBin(['run', '--help'], { cwd: dir })).stdout).toBe(ran.stdout)
  })

  it('is a usage error (exit 2) without a command after --, or with the command before it', async () => {
    for (const args of [['run'], ['run', '--'], ['run', 'next', 'start'], ['next'], ['--port', 'abc'], ['run', '--bogus', '--', 'node']]) {
      const ran = await runBin(args, { cwd: dir })
      expect(ran.code, args.join(' ')).toBe(2)
      expect(ran.stderr).toContain('Usage: agent-tasks-emulator')
    }
    const misplaced = await runBin(['run', 'next', 'start'], { cwd: dir })
    expect(misplaced.stderr).toContain('Put the command after "--": agent-tasks-emulator run [options] -- next start')
  })
})
