import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { CONNECTION_DIR, CONNECTION_FORMAT_VERSION, type EmulatorConnection } from './connection-file.js'
import { PORT_ENV, RUN_DEFAULT_PORT } from './port.js'

/** A connection file and what it says. */
export interface FoundConnection {
  path: string
  connection: EmulatorConnection
}

/** The running emulators of the nearest folder (from `cwd` up) that has any. */
export interface FoundConnections {
  /** That folder, if any. */
  projectDir: string | undefined
  /** Running and answering with the key their file names. */
  live: FoundConnection[]
  /** Their process runs but their URL did not answer in time: left alone (it may only be slow), not used. */
  unresponsive: FoundConnection[]
}

export interface FindOptions {
  /** How long an emulator may take to answer (default 3000 ms). */
  timeoutMs?: number
}

type Liveness = 'live' | 'stale' | 'unresponsive'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * The emulators `agent-tasks-emulator run` started in `cwd` or, failing that, in its nearest parent folder
 * with one (a command run from a subfolder of the project finds the project's). A file counts when it
 * belongs to this user, is of this format, names a loopback `http:` URL, its process runs and its
 * emulator answers `GET /v1/jwks` with its secret key. A stale one (process gone, URL refusing, another
 * key or server answering) is ignored and deleted; a file of another format or user is only ignored.
 */
export async function findEmulatorConnections(cwd: string, options: FindOptions = {}): Promise<FoundConnections> {
  const timeoutMs = options.timeoutMs ?? 3000
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const files = readConnectionFiles(dir)
    const checked = await Promise.all(files.map(async (file) => ({ ...file, liveness: await livenessOf(file.connection, timeoutMs) })))
    for (const file of checked) if (file.liveness === 'stale') removeIfUnchanged(file.path, file.text)
    const live = checked.filter((file) => file.liveness === 'live').map(({ path, connection }) => ({ path, connection }))
    const unresponsive = checked.filter((file) => file.liveness === 'unresponsive').map(({ path, connection }) => ({ path, connection }))
    if (live.length > 0 || unresponsive.length > 0) return { projectDir: dir, live, unresponsive }
    if (dirname(dir) === dir) return { projectDir: undefined, live: [], unresponsive: [] }
  }
}

/** Which emulator to use, or why none. */
export type PickedConnection =
  | { kind: 'found'; found: FoundConnection }
  | { kind: 'none' }
  /** `AGENT_TASKS_EMULATOR_PORT` names a port none of them is on. */
  | { kind: 'not-on-port'; port: number; ports: number[] }
  /** Several, none on `AGENT_TASKS_EMULATOR_PORT` or 4010. */
  | { kind: 'ambiguous'; ports: number[] }

/**
 * Of the running emulators, the one on `AGENT_TASKS_EMULATOR_PORT` (when set, and not `0`, which means
 * "any free port" to `run`); else the only one; else the one on 4010 (`run`'s default).
 * Throws an `Error` naming the variable when it is not a port number.
 */
export function pickEmulatorConnection(live: readonly FoundConnection[], env: NodeJS.ProcessEnv): PickedConnection {
  const ports = live.map((found) => found.connection.port).sort((a, b) => a - b)
  const wanted = wantedPort(env)
  if (wanted !== undefined) {
    const found = live.find((candidate) => candidate.connection.port === wanted)
    return found ? { kind: 'found', found } : { kind: 'not-on-port', port: wanted, ports }
  }
  const [only] = live
  if (only === undefined) return { kind: 'none' }
  if (live.length === 1) return { kind: 'found', found: only }
  const onDefault = live.find((candidate) => candidate.connection.port === RUN_DEFAULT_PORT)
  return onDefault ? { kind: 'found', found: onDefault } : { kind: 'ambiguous', ports }
}

function wantedPort(env: NodeJS.ProcessEnv): number | undefined {
  const value = env[PORT_ENV]
  if (value === undefined || value.trim() === '' || value.trim() === '0') return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${PORT_ENV} must be a port number 1-65535, got "${value}".`)
  return port
}

interface ConnectionFile extends FoundConnection {
  text: string
}

function readConnectionFiles(dir: string): ConnectionFile[] {
  const folder = join(dir, CONNECTION_DIR)
  let names: string[]
  try {
    names = readdirSync(folder).filter((name) => /^\d+\.json$/.test(name))
  } catch {
    return []
  }
  const uid = process.getuid?.()
  const files: ConnectionFile[] = []
  for (const name of names) {
    const path = join(folder, name)
    try {
      if (uid !== undefined && statSync(path).uid !== uid) continue
      const text = readFileSync(path, 'utf8')
      const connection = parseConnection(text)
      if (connection) files.push({ path, text, connection })
    } catch {
      // Gone since the listing, or unreadable: not ours to use.
    }
  }
  return files
}

/** The file's content when it is a connection of this format to a loopback emulator; else `undefined`. */
export function parseConnection(text: string): EmulatorConnection | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const c = value as Record<string, unknown>
  const valid =
    c.version === CONNECTION_FORMAT_VERSION &&
    Number.isInteger(c.pid) &&
    (c.pid as number) > 0 &&
    Number.isInteger(c.port) &&
    (c.port as number) > 0 &&
    (c.port as number) <= 65535 &&
    isLoopbackHttp(c.url) &&
    isLoopbackHttp(c.apiUrl) &&
    typeof c.secretKey === 'string' &&
    /^sk_(test|live)_\S+$/.test(c.secretKey) &&
    typeof c.publishableKey === 'string' &&
    /^pk_(test|live)_\S+$/.test(c.publishableKey) &&
    (c.instance === 'development' || c.instance === 'production') &&
    typeof c.startedAt === 'string'
  return valid ? (value as EmulatorConnection) : undefined
}

function isLoopbackHttp(url: unknown): boolean {
  if (typeof url !== 'string' || !URL.canParse(url)) return false
  const { protocol, hostname } = new URL(url)
  return protocol === 'http:' && LOOPBACK_HOSTS.has(hostname)
}

async function livenessOf(connection: EmulatorConnection, timeoutMs: number): Promise<Liveness> {
  if (!processRuns(connection.pid)) return 'stale'
  try {
    const response = await fetch(`${connection.apiUrl.replace(/\/+$/, '')}/v1/jwks`, {
      headers: { Authorization: `Bearer ${connection.secretKey}` },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    await response.body?.cancel()
    // 429: the emulator's rate limit, so it is there. 401 another key, 404 another server: stale.
    return response.ok || response.status === 429 ? 'live' : 'stale'
  } catch (error) {
    return (error as Error | undefined)?.name === 'TimeoutError' ? 'unresponsive' : 'stale'
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Deletes a stale file unless it changed since it was read (a new `run` on the same port wrote it). */
function removeIfUnchanged(path: string, text: string): void {
  try {
    if (readFileSync(path, 'utf8') === text) rmSync(path, { force: true })
  } catch {
    // Already gone.
  }
}
