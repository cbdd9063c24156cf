import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserUseEmulator, startBrowserUseEmulator } from '@agent-tasks/browser-use-emulator'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { createClerkClient } from '@clerk/backend'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const BIN = fileURLToPath(new URL('../bin/agent-tasks.js', import.meta.url))
let clerk: Emulator
let browserUse: BrowserUseEmulator
let app: Server
let appUrl: string
let ada: string

interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

/** The built CLI in a child process, as a user runs it, with `env` on top of the emulators'. */
function start(args: string[], env: Record<string, string | undefined> = {}, cwd?: string) {
  const base = env.ONLY_DOTENV ? { PATH: process.env.PATH } : { PATH: process.env.PATH, ...clerk.env, ...browserUse.env, APP_URL: appUrl }
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...base, ...env } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) })
  const ran = { stdout: '', stderr: '' }
  child.stdout.on('data', (chunk) => (ran.stdout += chunk))
  child.stderr.on('data', (chunk) => (ran.stderr += chunk))
  return { child, ran }
}

async function cli(args: string[], env: Record<string, string | undefined> = {}, cwd?: string): Promise<Ran> {
  const { child, ran } = start(args, env, cwd)
  const [code] = await once(child, 'exit')
  return { code, ...ran }
}

beforeAll(async () => {
  clerk = await startEmulator({ users: [{ email: 'ada@example.com', firstName: 'Ada', username: 'ada' }], rateLimit: false })
  browserUse = await startBrowserUseEmulator()
  ada = clerk.users.findByEmail('ada@example.com')?.id ?? ''
  // A stand-in app page: the agent reads its header (the link's sign-in is the emulator's).
  app = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<header>Welcome, Ada</header><h1>Dashboard</h1>'))
  app.listen(0, '127.0.0.1')
  await once(app, 'listening')
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`
}, 30_000)

afterAll(async () => {
  app?.close()
  await browserUse?.close()
  await clerk?.close()
})

describe('agent-tasks', () => {
  it('shows --help for the tool and every command', async () => {
    const top = await cli(['--help'])
    expect(top.code).toBe(0)
    expect(top.stdout).toMatch(/mint[\s\S]*revoke[\s\S]*sessions[\s\S]*end[\s\S]*token[\s\S]*run/)
    expect(top.stdout).toContain('Exit codes')
    for (const command of ['mint', 'revoke', 'sessions', 'end', 'token', 'run']) {
      const help = await cli([command, '--help'])
      expect(help.code, command).toBe(0)
      expect(help.stdout).toContain(`Usage: agent-tasks ${command}`)
    }
    const bad = await cli(['mint'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("required option '-u, --user <who>'")
  })

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
    for (const flag of ['--version', '-v']) {
      const ran = await cli([flag])
      expect(ran.code, flag).toBe(0)
      expect(ran.stdout).toBe(`${version}\n`)
    }
  })

  it('token: a session token alone on stdout that signs requests in as the user, its expiry on stderr', async () => {
    const clerkClient = createClerkClient({ secretKey: clerk.secretKey, apiUrl: clerk.apiUrl, publishableKey: clerk.publishableKey, telemetry: { disabled: true } })
    const signedInAs = async (jwt: string) => {
      const request = new Request('http://127.0.0.1/api', { headers: { Authorization: `Bearer ${jwt}` } })
      return (await clerkClient.authenticateRequest(request, { jwtKey: clerk.jwtKey })).toAuth()?.userId
    }
    const ran = await cli(['token', '--user', 'ada@example.com'])
    expect(ran.code, ran.stderr).toBe(0)
    const jwt = ran.stdout.trim()
    expect(ran.stdout).toBe(`${jwt}\n`)
    expect(await signedInAs(jwt)).toBe(ada)
    expect(ran.stderr).toMatch(new RegExp(`Session token for ada@example\\.com \\(${ada}\\), session sess_\\w+: expires \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z \\(in (59|60) s\\)`))
    expect(ran.stderr).not.toContain(jwt)
    expect(ran.stderr).not.toContain(jwt.split('.')[2])

    const longer = await cli(['token', '--user', ada, '--expires-in', '600', '--json'])
    expect(longer.code, longer.stderr).toBe(0)
    const parsed = JSON.parse(longer.stdout)
    expect(parsed).toMatchObject({ token: expect.any(String), userId: ada, sessionId: expect.stringMatching(/^sess_/) })
    const claims = JSON.parse(Buffer.from(parsed.token.split('.')[1], 'base64url').toString())
    expect(claims.exp - claims.iat).toBe(600)
    expect(parsed.expiresAt).toBe(new Date(claims.exp * 1000).toISOString())
    expect(clerk.state.sessions().find((s) => s.id === parsed.sessionId)).toMatchObject({ userId: ada, status: 'active' })
    expect(await signedInAs(parsed.token)).toBe(ada)

    const byUsername = await cli(['token', '--user', 'ada'])
    expect(await signedInAs(byUsername.stdout.trim())).toBe(ada)
  })

  it('token: refuses a live key without --live (exit 3), an unknown user (exit 1), a bad --expires-in (exit 2)', async () => {
    const live = await cli(['token', '--user', 'ada'], { CLERK_SECRET_KEY: 'sk_live_abcdefghijklmnop' })
    expect(live.code).toBe(3)
    expect(live.stderr).toContain('CLERK_SECRET_KEY is a production (sk_live_) key: these commands act on real users. Add --live if you mean it.')
    expect(live.stdout).toBe('')
    const nobody = await cli(['token', '--user', 'nobody@example.com'])
    expect(nobody.code).toBe(1)
    expect(nobody.stderr).toContain('No Clerk user with email nobody@example.com')
    const badLifetime = await cli(['token', '--user', 'ada', '--expires-in', '0'])
    expect(badLifetime.code).toBe(2)
    expect(badLifetime.stderr).toContain('--expires-in')
    const noUser = await cli(['token'])
    expect(noUser.code).toBe(2)
    expect(noUser.stderr).toContain("required option '-u, --user <who>'")
  })

  it('mint: the link alone on stdout, details on stderr, --json for scripts; the link signs in', async () => {
    const minted = await cli(['mint', '--user', 'ada@example.com', '--redirect', '/dashboard', '--duration', '600'])
    expect(minted.code, minted.stderr).toBe(0)
    const link = minted.stdout.trim()
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/agents\/tasks\?ticket=/)
    expect(minted.stderr).toContain(`for ada@example.com (${ada})`)
    expect(minted.stderr).not.toContain(link)
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(307)

    const asJson = await cli(['mint', '--user', 'ada', '--redirect', `${appUrl}/reports`, '--agent', 'qa-bot', '--json'])
    expect(asJson.code, asJson.stderr).toBe(0)
    expect(JSON.parse(asJson.stdout)).toMatchObject({ agentName: 'qa-bot', redirectUrl: `${appUrl}/reports`, onBehalfOf: { userId: ada } })
  })

  it('refuses without a key, a live key without --live, and an unknown user, saying what to do', async () => {
    // In an empty folder: no emulator started by `agent-tasks-emulator run` to fall back on.
    const noKey = await cli(['mint', '--user', 'ada'], { CLERK_SECRET_KEY: '', CLERK_API_URL: undefined }, await mkdtemp(join(tmpdir(), 'agent-tasks-cli-')))
    expect(noKey.code).toBe(3)
    expect(noKey.stderr).toContain('CLERK_SECRET_KEY is not set')
    const liveKey = await cli(['sessions', '--user', 'ada'], { CLERK_SECRET_KEY: 'sk_live_abcdefghijklmnop' })
    expect(liveKey.code).toBe(3)
    expect(liveKey.stderr).toContain('--live')
    const nobody = await cli(['mint', '--user', 'nobody@example.com', '--redirect', '/x'])
    expect(nobody.code).toBe(1)
    expect(nobody.stderr).toContain('No Clerk user with email nobody@example.com')
    const badRedirect = await cli(['mint', '--user', 'ada', '--redirect', 'javascript:alert(1)'])
    expect(badRedirect.code).toBe(2)
  })

  it('revoke, sessions and end: an unused link revoked, a used one’s session ended, the kill switch', async () => {
    const unused = JSON.parse((await cli(['mint', '--user', 'ada', '--redirect', '/x', '--json'])).stdout)
    const revoked = await cli(['revoke', unused.agentTaskId])
    expect(revoked.code, revoked.stderr).toBe(0)
    expect(clerk.state.agentTasks().find((t) => t.id === unused.agentTaskId)?.status).toBe('revoked')

    const used = JSON.parse((await cli(['mint', '--user', 'ada', '--redirect', '/x', '--json'])).stdout)
    await fetch(used.url, { redirect: 'manual' })
    const listed = await cli(['sessions', '--user', 'ada', '--json'])
    expect(JSON.parse(listed.stdout)).toContainEqual(expect.objectContaining({ agentTaskId: used.agentTaskId, status: 'active' }))
    const withoutUser = await cli(['revoke', used.agentTaskId])
    expect(withoutUser.code).toBe(1)
    expect(withoutUser.stderr).toContain('--user')
    const ended = await cli(['revoke', used.agentTaskId, '--user', 'ada', '--json'])
    expect(JSON.parse(ended.stdout).endedSessionIds).toHaveLength(1)
    expect(clerk.state.sessions().find((s) => s.agentTaskId === used.agentTaskId)?.status).toBe('revoked')

    const elsewhere = await clerk.signIn(ada, { actor: { type: 'agent', sub: 'agt_dashboard' } })
    const kill = await cli(['end', '--user', 'ada'])
    expect(kill.code, kill.stderr).toBe(0)
    expect(kill.stdout).toMatch(/Ended [1-9]\d* agent session/)
    expect(clerk.state.sessions().find((s) => s.id === elsewhere.sessionId)?.status).toBe('revoked')
    expect(JSON.parse((await cli(['sessions', '--user', 'ada', '--json'])).stdout)).toEqual([])
  })

  it('run: steps on stderr as they happen, the result on stdout, the session ended after; never the link', async () => {
    const ran = await cli(['run', '--user', 'ada', '--task', 'Open the dashboard and report the greeting', '--start', '/dashboard'])
    expect(ran.code, ran.stderr).toBe(0)
    expect(ran.stderr).toMatch(/step 1 {2}.+ {2}http:\/\/127\.0\.0\.1:\d+/)
    expect(ran.stdout).toContain('Header: Welcome, Ada')
    expect(ran.stderr).toContain('Agent access: session ended')
    const task = browserUse.tasks().at(-1)
    expect(`${ran.stdout}${ran.stderr}`).not.toContain(task?.startUrl as string)
    expect(clerk.state.sessions().find((s) => s.agentTaskId === task?.metadata.agentTaskId)?.status).toBe('revoked')
  })

  it('run: a failed task exits 4 and still ends the session; a bad Browser Use key exits 1 naming the fix', async () => {
    browserUse.faults.add({ kind: 'task-fails', times: 1 })
    const failed = await cli(['run', '--user', 'ada', '--task', 'x', '--start', '/dashboard', '--json'])
    expect(failed.code).toBe(4)
    expect(JSON.parse(failed.stdout)).toMatchObject({ status: 'failed', cleanup: 'session-ended' })
    const badKey = await cli(['run', '--user', 'ada', '--task', 'x', '--start', '/dashboard'], { BROWSER_USE_API_KEY: 'wrong' })
    expect(badKey.code).toBe(1)
    expect(badKey.stderr).toContain('BROWSER_USE_API_KEY')
    const noKey = await cli(['run', '--user', 'ada', '--task', 'x'], { BROWSER_USE_API_KEY: '' })
    expect(noKey.code).toBe(3)
  })

  it('run: Ctrl-C stops the Browser Use task, ends the agent’s session and exits 130', async () => {
    browserUse.faults.add({ kind: 'task-hangs', times: 1 })
    const { child, ran } = start(['run', '--user', 'ada', '--task', 'hang', '--start', '/dashboard'])
    await expect.poll(() => ran.stderr, { timeout: 20_000 }).toContain('step 1')
    child.kill('SIGINT')
    const [code] = await once(child, 'exit')
    expect(code, ran.stderr).toBe(130)
    expect(ran.stderr).toContain('Stopping the agent')
    const task = browserUse.tasks().at(-1)
    expect(task?.status).toBe('stopped')
    expect(clerk.state.sessions().find((s) => s.agentTaskId === task?.metadata.agentTaskId)?.status).toBe('revoked')
  })

  it('reads its keys from .env in the working folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'agent-tasks-cli-'))
    await writeFile(join(folder, '.env'), `CLERK_SECRET_KEY=${clerk.secretKey}\nCLERK_API_URL=${clerk.apiUrl}\nAPP_URL=${appUrl}\n`)
    const listed = await cli(['sessions', '--user', 'ada', '--json'], { ONLY_DOTENV: '1' }, folder)
    expect(listed.code, listed.stderr).toBe(0)
    expect(JSON.parse(listed.stdout)).toEqual(expect.any(Array))
  })

  describe('a key goes only to an API URL set in the same place', () => {
    let capture: Server
    let captureUrl: string
    const captured: Array<{ url: string | undefined; headers: Record<string, unknown> }> = []
    beforeAll(async () => {
      // Stands for a host named by a .env the user did not write: it records whatever reaches it.
      capture = createServer((req, res) => {
        captured.push({ url: req.url, headers: req.headers })
        res.writeHead(500).end()
      })
      capture.listen(0, '127.0.0.1')
      await once(capture, 'listening')
      captureUrl = `http://127.0.0.1:${(capture.address() as AddressInfo).port}`
    })
    afterAll(() => capture?.close())

    async function folderWith(dotEnv: string) {
      const folder = await mkdtemp(join(tmpdir(), 'agent-tasks-cli-'))
      await writeFile(join(folder, '.env'), dotEnv)
      return folder
    }

    it('CLERK_SECRET_KEY from the environment, CLERK_API_URL only from .env: refused, nothing sent', async () => {
      const folder = await folderWith(`CLERK_API_URL=${captureUrl}\n`)
      const ran = await cli(['sessions', '--user', 'ada', '--json'], { CLERK_API_URL: undefined }, folder)
      expect(ran.code, ran.stderr).toBe(3)
      expect(ran.stderr).toContain('CLERK_SECRET_KEY comes from the environment but CLERK_API_URL from .env')
      expect(captured).toEqual([])
    })

    it('CLERK_API_URL from the environment, CLERK_SECRET_KEY only from .env: refused too', async () => {
      const folder = await folderWith(`CLERK_SECRET_KEY=${clerk.secretKey}\n`)
      const ran = await cli(['sessions', '--user', 'ada'], { ONLY_DOTENV: '1', CLERK_API_URL: captureUrl }, folder)
      expect(ran.code, ran.stderr).toBe(3)
      expect(ran.stderr).toContain('CLERK_SECRET_KEY comes from .env but CLERK_API_URL from the environment')
      expect(captured).toEqual([])
    })

    it('BROWSER_USE_API_KEY from the environment, BROWSER_USE_BASE_URL only from .env: refused before a link is minted', async () => {
      const folder = await folderWith(`BROWSER_USE_BASE_URL=${captureUrl}/api/v2\n`)
      const minted = clerk.state.agentTasks().length
      const ran = await cli(['run', '--user', 'ada', '--task', 'x', '--start', '/dashboard'], { BROWSER_USE_BASE_URL: undefined }, folder)
      expect(ran.code, ran.stderr).toBe(3)
      expect(ran.stderr).toContain('BROWSER_USE_API_KEY comes from the environment but BROWSER_USE_BASE_URL from .env')
      expect(captured).toEqual([])
      expect(clerk.state.agentTasks().length).toBe(minted)
    })

    it('says on stderr which host is called, and the key’s prefix only, when it is not the default', async () => {
      const ran = await cli(['run', '--user', 'ada', '--task', 'Report the greeting', '--start', '/dashboard', '--json'])
      expect(ran.code, ran.stderr).toBe(0)
      expect(ran.stderr).toContain(`calling Clerk at ${new URL(clerk.apiUrl).origin} (CLERK_API_URL from the environment) with CLERK_SECRET_KEY sk_test_…`)
      expect(ran.stderr).toContain(`calling Browser Use at ${new URL(browserUse.baseUrl).origin} (BROWSER_USE_BASE_URL from the environment) with BROWSER_USE_API_KEY bu_…`)
      expect(ran.stderr.includes(clerk.secretKey)).toBe(false)
      expect(ran.stderr.includes(browserUse.apiKey)).toBe(false)
      const fromDotEnv = await folderWith(`CLERK_SECRET_KEY=${clerk.secretKey}\nCLERK_API_URL=${clerk.apiUrl}\n`)
      const listed = await cli(['sessions', '--user', 'ada', '--json'], { ONLY_DOTENV: '1' }, fromDotEnv)
      expect(listed.code, listed.stderr).toBe(0)
      expect(listed.stderr).toContain('(CLERK_API_URL from .env) with CLERK_SECRET_KEY sk_test_…')
    })
  })
})
