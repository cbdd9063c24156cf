import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { type EmulatorConnection, connectionFilePath } from '@agent-tasks/emulator/connection'
import { verifyToken } from '@clerk/backend'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const CLI = fileURLToPath(new URL('../bin/agent-tasks.js', import.meta.url))
const EMULATOR_BIN = join(dirname(createRequire(import.meta.url).resolve('@agent-tasks/emulator/package.json')), 'bin', 'agent-tasks-emulator.js')
const USING = 'using the Clerk emulator started by `agent-tasks-emulator run` at'

interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `file` with only PATH (no Clerk setting of this machine or test) plus `env`, in `cwd`. */
function start(file: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [file, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const output = { stdout: '', stderr: '' }
  child.stdout.on('data', (chunk) => (output.stdout += chunk))
  child.stderr.on('data', (chunk) => (output.stderr += chunk))
  const exited = once(child, 'exit').then(([code]) => ({ code, ...output }) as Ran)
  return { child, output, exited }
}

/** The built CLI, as `npx @agent-tasks/cli …` runs it from `cwd`. */
const cli = (args: string[], cwd: string, env: Record<string, string> = {}) => start(CLI, args, cwd, env).exited

/** What a template's `npm start` does: `agent-tasks-emulator run -- <server>`, here a process that stays up. */
async function npmStart(cwd: string, port: number): Promise<{ child: ChildProcess; exited: Promise<Ran>; file: string }> {
  const started = start(EMULATOR_BIN, ['run', '--port', String(port), '--', 'node', '-e', "process.stdout.write('up;'); setInterval(() => {}, 1000)"], cwd)
  await new Promise<void>((resolve, reject) => {
    started.child.stdout?.on('data', () => started.output.stdout.includes('up;') && resolve())
    started.exited.then((ran) => reject(new Error(`run exited (${ran.code}): ${ran.stderr}`)))
  })
  return { child: started.child, exited: started.exited, file: connectionFilePath(cwd, port) }
}

async function stop(run: { child: ChildProcess; exited: Promise<Ran> }): Promise<Ran> {
  run.child.kill('SIGTERM')
  return run.exited
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  await once(child, 'exit')
  return child.pid ?? 0
}

const readConnection = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as EmulatorConnection

/** The user a token signs in, checked with the emulator's JWKS as an app's `@clerk/backend` would. */
async function subjectOf(jwt: string, connection: EmulatorConnection): Promise<string> {
  const claims = await verifyToken(jwt, { secretKey: connection.secretKey, apiUrl: connection.apiUrl })
  return claims.sub
}

let project: string
const running: Array<{ child: ChildProcess; exited: Promise<Ran> }> = []

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'agent-tasks-cli-project-'))
})

afterAll(async () => {
  for (const run of running) if (run.child.exitCode === null && run.child.signalCode === null) await stop(run)
  await rm(project, { recursive: true, force: true })
})

describe('agent-tasks finds the emulator that agent-tasks-emulator run started in the project', () => {
  it('token: npm start in one terminal, token --user in another: a token the emulator’s JWKS accepts; none once run stops', async () => {
    const port = await freePort()
    const run = await npmStart(project, port)
    running.push(run)
    const connection = await readConnection(run.file)

    const ran = await cli(['token', '--user', 'ada@example.com'], project)
    expect(ran.code, ran.stderr).toBe(0)
    const jwt = ran.stdout.trim()
    const claims = await verifyToken(jwt, { secretKey: connection.secretKey, apiUrl: connection.apiUrl })
    expect(claims.sub).toMatch(/^user_/)
    expect(ran.stderr).toContain(`agent-tasks: ${USING} http://127.0.0.1:${port}`)
    expect(ran.stderr).not.toContain(connection.secretKey)
    expect(ran.stderr).not.toContain(connection.secretKey.slice('sk_test_'.length))

    // From a subfolder of the project, as `npx` allows.
    const subfolder = join(project, 'src', 'routes')
    await mkdir(subfolder, { recursive: true })
    const fromSubfolder = await cli(['token', '--user', 'ada@example.com', '--json'], subfolder)
    expect(fromSubfolder.code, fromSubfolder.stderr).toBe(0)
    expect(await subjectOf(JSON.parse(fromSubfolder.stdout).token, connection)).toBe(claims.sub)

    const stopped = await stop(run)
    expect(stopped.code).toBe(143)
    expect(existsSync(run.file)).toBe(false)
    const after = await cli(['token', '--user', 'ada@example.com'], project)
    expect(after.code).toBe(3)
    expect(after.stderr).toContain('CLERK_SECRET_KEY is not set')
    expect(after.stderr).toContain('agent-tasks-emulator run')
    expect(after.stdout).toBe('')
  })

  it('ignores and deletes a stale file (its process gone, or nothing answering), and uses the live one beside it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'agent-tasks-cli-stale-'))
    try {
      const port = await freePort()
      const run = await npmStart(folder, port)
      running.push(run)
      const live = await readConnection(run.file)
      const stale = (over: Partial<EmulatorConnection>) => ({ ...live, ...over, url: `http://127.0.0.1:${over.port}`, apiUrl: `http://127.0.0.1:${over.port}` })
      const gone = connectionFilePath(folder, 4010)
      await writeFile(gone, JSON.stringify(stale({ port: 4010, pid: await deadPid() })), { mode: 0o600 })
      const refusingPort = await freePort()
      const refusing = connectionFilePath(folder, refusingPort)
      await writeFile(refusing, JSON.stringify(stale({ port: refusingPort, pid: process.pid })), { mode: 0o600 })

      const ran = await cli(['token', '--user', 'ada@example.com'], folder)
      expect(ran.code, ran.stderr).toBe(0)
      expect(ran.stderr).toContain(`${USING} http://127.0.0.1:${port}`)
      expect(await subjectOf(ran.stdout.trim(), live)).toMatch(/^user_/)
      expect(existsSync(gone)).toBe(false)
      expect(existsSync(refusing)).toBe(false)
      expect(existsSync(run.file)).toBe(true)
      await stop(run)

      // Only a stale file: as if there were none, and it is cleaned up.
      await writeFile(gone, JSON.stringify(stale({ port: 4010, pid: await deadPid() })), { mode: 0o600 })
      const none = await cli(['sessions', '--user', 'ada@example.com'], folder)
      expect(none.code).toBe(3)
      expect(none.stderr).toContain('CLERK_SECRET_KEY is not set')
      expect(existsSync(gone)).toBe(false)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  describe('keys from the environment or .env win (a real development instance)', () => {
    let other: Emulator
    let folder: string
    let run: { child: ChildProcess; exited: Promise<Ran>; file: string }

    beforeAll(async () => {
      // Stands for the development instance the keys name.
      other = await startEmulator({ users: [{ email: 'ada@example.com' }], rateLimit: false })
      folder = await mkdtemp(join(tmpdir(), 'agent-tasks-cli-keys-'))
      run = await npmStart(folder, await freePort())
      running.push(run)
    })

    afterAll(async () => {
      await stop(run)
      await other.close()
      await rm(folder, { recursive: true, force: true })
    })

    it('over the running emulator’s file', async () => {
      const fromEnv = await cli(['token', '--user', 'ada@example.com'], folder, { CLERK_SECRET_KEY: other.secretKey, CLERK_API_URL: other.apiUrl })
      expect(fromEnv.code, fromEnv.stderr).toBe(0)
      expect(fromEnv.stderr).not.toContain(USING)
      expect(await verifyToken(fromEnv.stdout.trim(), { jwtKey: other.jwtKey })).toMatchObject({ sub: other.users.findByEmail('ada@example.com')?.id })

      const withDotEnv = join(folder, 'with-dotenv')
      await mkdir(withDotEnv)
      await writeFile(join(withDotEnv, '.env'), `CLERK_SECRET_KEY=${other.secretKey}\nCLERK_API_URL=${other.apiUrl}\n`)
      const fromDotEnv = await cli(['token', '--user', 'ada@example.com'], withDotEnv)
      expect(fromDotEnv.code, fromDotEnv.stderr).toBe(0)
      expect(fromDotEnv.stderr).not.toContain(USING)
      expect(await verifyToken(fromDotEnv.stdout.trim(), { jwtKey: other.jwtKey })).toMatchObject({ sub: other.users.findByEmail('ada@example.com')?.id })
    })

    it('a CLERK_API_URL without a key that names another host: refused, nothing sent', async () => {
      const before = other.state.requests().length
      const ran = await cli(['token', '--user', 'ada@example.com'], folder, { CLERK_API_URL: other.apiUrl })
      expect(ran.code).toBe(3)
      expect(other.state.requests().length).toBe(before)
      expect(ran.stderr).toContain('CLERK_API_URL is set in the environment without CLERK_SECRET_KEY')
      expect(ran.stdout).toBe('')
    })
  })

  it('of several, the one on AGENT_TASKS_EMULATOR_PORT; without it, says to set it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'agent-tasks-cli-several-'))
    try {
      const [first, second] = [await freePort(), await freePort()].sort((a, b) => a - b) as [number, number]
      const runs = [await npmStart(folder, first), await npmStart(folder, second)]
      running.push(...runs)

      const unsure = await cli(['token', '--user', 'ada@example.com'], folder)
      expect(unsure.code).toBe(3)
      expect(unsure.stderr).toContain(`2 Clerk emulators started by \`agent-tasks-emulator run\` run for this folder (ports ${first}, ${second}), none on 4010: set AGENT_TASKS_EMULATOR_PORT`)
      expect(unsure.stdout).toBe('')

      const chosen = await cli(['token', '--user', 'ada@example.com'], folder, { AGENT_TASKS_EMULATOR_PORT: String(second) })
      expect(chosen.code, chosen.stderr).toBe(0)
      expect(chosen.stderr).toContain(`${USING} http://127.0.0.1:${second}`)
      expect(await subjectOf(chosen.stdout.trim(), await readConnection(connectionFilePath(folder, second)))).toMatch(/^user_/)

      const elsewhere = await cli(['token', '--user', 'ada@example.com'], folder, { AGENT_TASKS_EMULATOR_PORT: '1' })
      expect(elsewhere.code).toBe(3)
      expect(elsewhere.stderr).toContain(`AGENT_TASKS_EMULATOR_PORT is 1, but the Clerk emulators started by \`agent-tasks-emulator run\` for this folder are on ports ${first}, ${second}`)
      for (const run of runs) await stop(run)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
