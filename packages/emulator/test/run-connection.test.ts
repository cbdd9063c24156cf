import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import {
  CONNECTION_DIR,
  connectionFilePath,
  type EmulatorConnection,
  type FoundConnection,
  findEmulatorConnections,
  parseConnection,
  pickEmulatorConnection,
  writeConnectionFile,
} from '../src/connection.js'
import { startEmulator } from '../src/index.js'
import { freePort, runBin, startBin, tempDir } from './support/bin.js'

// Prints the secret key the command was given, then stays up until a signal ends it.
const KEEP_ALIVE = `process.stdout.write('key=' + process.env.CLERK_SECRET_KEY + ';'); setInterval(() => {}, 1000)`

let project: string

beforeAll(async () => {
  project = await tempDir('emu-run-connection-')
})

afterAll(async () => {
  await rm(project, { recursive: true, force: true })
})

/** A pid that was a process a moment ago and is none now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  await once(child, 'exit')
  return child.pid ?? 0
}

function connection(overrides: Partial<EmulatorConnection>): EmulatorConnection {
  const port = overrides.port ?? 4010
  return {
    version: 1,
    pid: process.pid,
    port,
    url: `http://127.0.0.1:${port}`,
    apiUrl: `http://127.0.0.1:${port}`,
    secretKey: 'sk_test_NotTheEmulatorsKey0123456789',
    publishableKey: 'pk_test_MTI3LjAuMC4xOjQwMTAk',
    instance: 'development',
    startedAt: new Date().toISOString(),
    ...overrides,
  }
}

describe('run leaves its connection for the agent-tasks CLI', () => {
  it('writes node_modules/.cache/agent-tasks-emulator/<port>.json (0600 in a 0700 folder) while it runs, and deletes it on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const port = await freePort()
      const started = startBin(['run', '--port', String(port), '--', process.execPath, '-e', KEEP_ALIVE], { cwd: project })
      onTestFinished(() => {
        if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGTERM')
      })
      await started.waitForStdout(';')
      const path = join(project, 'node_modules', '.cache', 'agent-tasks-emulator', `${port}.json`)
      expect(connectionFilePath(project, port)).toBe(path)
      expect((await stat(path)).mode & 0o777).toBe(0o600)
      expect((await stat(join(project, CONNECTION_DIR))).mode & 0o777).toBe(0o700)
      const written = JSON.parse(await readFile(path, 'utf8')) as EmulatorConnection
      const keyGiven = /key=(\S+?);/.exec(started.output.stdout)?.[1]
      expect(written).toEqual({
        version: 1,
        pid: started.child.pid,
        port,
        url: `http://127.0.0.1:${port}`,
        apiUrl: `http://127.0.0.1:${port}`,
        secretKey: keyGiven,
        publishableKey: expect.stringMatching(/^pk_test_/),
        instance: 'development',
        startedAt: expect.any(String),
      })
      expect(started.output.stderr).toContain(`npx @agent-tasks/cli token --user ada@example.com`)
      expect(started.output.stderr).toContain(`node_modules/.cache/agent-tasks-emulator/${port}.json`)
      expect(started.output.stderr).not.toContain(keyGiven)
      expect((await findEmulatorConnections(project)).live.map((found) => found.connection.port)).toEqual([port])

      started.child.kill(signal)
      const ran = await started.exited
      expect(ran.code, signal).toBe(signal === 'SIGTERM' ? 143 : 130)
      expect(existsSync(path), signal).toBe(false)
    }
  })

  it('--help says where', async () => {
    const ran = await runBin(['--help'], { cwd: project })
    expect(ran.stdout).toContain('./node_modules/.cache/agent-tasks-emulator/<port>.json (readable by you only,\ndeleted when run stops)')
  })

  it('deletes it when the command exits by itself', async () => {
    const port = await freePort()
    const path = connectionFilePath(project, port)
    const script = `process.stdout.write(String(require('node:fs').existsSync(${JSON.stringify(path)})))`
    const ran = await runBin(['run', '--port', String(port), '--', process.execPath, '-e', script], { cwd: project })
    expect(ran.code, ran.stderr).toBe(0)
    expect(ran.stdout).toBe('true')
    expect(existsSync(path)).toBe(false)
  })

  it('writes none when real keys pass through', async () => {
    const folder = await tempDir('emu-run-connection-real-')
    try {
      const ran = await runBin(['run', '--port', '0', '--', process.execPath, '-e', ''], {
        cwd: folder,
        env: { CLERK_SECRET_KEY: 'sk_test_NotARealKeyButLooksLikeOne1234567890' },
      })
      expect(ran.code, ran.stderr).toBe(0)
      expect(existsSync(join(folder, 'node_modules'))).toBe(false)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('still runs the command when the folder cannot take the file, saying so', async () => {
    const folder = await tempDir('emu-run-connection-blocked-')
    try {
      await writeFile(join(folder, 'node_modules'), 'a file where the folder would go')
      const ran = await runBin(['run', '--port', '0', '--', process.execPath, '-e', 'process.exit(9)'], { cwd: folder })
      expect(ran.code, ran.stderr).toBe(9)
      expect(ran.stderr).toContain("could not write the emulator's connection file")
      expect(ran.stderr).toContain('will not find this emulator by itself')
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})

describe('findEmulatorConnections', () => {
  it('finds a running one from a subfolder, and ignores and deletes stale files: process gone, nothing answering, another key', async () => {
    const folder = await tempDir('emu-find-')
    const emulator = await startEmulator()
    try {
      const port = Number(new URL(emulator.url).port)
      const live = writeConnectionFile(folder, connection({ port, secretKey: emulator.secretKey, publishableKey: emulator.publishableKey }))
      const gone = writeConnectionFile(folder, connection({ port: 4010, pid: await deadPid() }))
      const refusing = writeConnectionFile(folder, connection({ port: await freePort() }))
      const wrongKey = writeConnectionFile(folder, { ...connection({ port }), port: port === 65535 ? 1 : port + 1 })
      const subfolder = join(folder, 'src', 'routes')
      await mkdir(subfolder, { recursive: true })

      const found = await findEmulatorConnections(subfolder)
      expect(found.projectDir).toBe(folder)
      expect(found.live).toEqual([{ path: live.path, connection: expect.objectContaining({ port, secretKey: emulator.secretKey }) }])
      expect(found.unresponsive).toEqual([])
      for (const stale of [gone, refusing, wrongKey]) expect(existsSync(stale.path), stale.path).toBe(false)
      expect(existsSync(live.path)).toBe(true)
    } finally {
      await emulator.close()
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('leaves alone files of another format, and finds nothing where nothing runs', async () => {
    const folder = await tempDir('emu-find-other-')
    try {
      const dir = join(folder, CONNECTION_DIR)
      await mkdir(dir, { recursive: true })
      await writeFile(join(dir, '4010.json'), JSON.stringify({ ...connection({ pid: await deadPid() }), version: 2 }))
      await writeFile(join(dir, '4011.json'), '{ not json')
      await writeFile(join(dir, '4012.json'), JSON.stringify(connection({ port: 4012, url: 'https://example.com', apiUrl: 'https://example.com' })))
      expect(await findEmulatorConnections(folder)).toEqual({ projectDir: undefined, live: [], unresponsive: [] })
      expect((await readdir(dir)).sort()).toEqual(['4010.json', '4011.json', '4012.json'])
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('parseConnection takes only loopback http URLs and Clerk-shaped keys', () => {
    expect(parseConnection(JSON.stringify(connection({})))).toMatchObject({ port: 4010 })
    for (const bad of [
      { url: 'http://10.0.0.1:4010' },
      { apiUrl: 'https://127.0.0.1:4010' },
      { secretKey: 'not-a-key' },
      { pid: 0 },
      { port: 70000 },
      { instance: 'staging' as 'production' },
    ]) {
      expect(parseConnection(JSON.stringify(connection(bad))), JSON.stringify(bad)).toBeUndefined()
    }
  })
})

describe('pickEmulatorConnection', () => {
  const on = (...ports: number[]): FoundConnection[] => ports.map((port) => ({ path: `${port}.json`, connection: connection({ port }) }))
  const port = (picked: ReturnType<typeof pickEmulatorConnection>) => (picked.kind === 'found' ? picked.found.connection.port : picked)

  it('takes AGENT_TASKS_EMULATOR_PORT, else the only one, else the one on 4010, else says which ports', () => {
    expect(port(pickEmulatorConnection([], {}))).toEqual({ kind: 'none' })
    expect(port(pickEmulatorConnection(on(4123), {}))).toBe(4123)
    expect(port(pickEmulatorConnection(on(4011, 4010), {}))).toBe(4010)
    expect(port(pickEmulatorConnection(on(4012, 4011), {}))).toEqual({ kind: 'ambiguous', ports: [4011, 4012] })
    expect(port(pickEmulatorConnection(on(4011, 4010), { AGENT_TASKS_EMULATOR_PORT: '4011' }))).toBe(4011)
    expect(port(pickEmulatorConnection(on(4011), { AGENT_TASKS_EMULATOR_PORT: '4020' }))).toEqual({ kind: 'not-on-port', port: 4020, ports: [4011] })
    // 0 is run's "any free port": no preference.
    expect(port(pickEmulatorConnection(on(4011), { AGENT_TASKS_EMULATOR_PORT: '0' }))).toBe(4011)
    expect(() => pickEmulatorConnection(on(4011), { AGENT_TASKS_EMULATOR_PORT: 'abc' })).toThrow('AGENT_TASKS_EMULATOR_PORT must be a port number')
  })
})
