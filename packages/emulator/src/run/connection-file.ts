import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { InstanceType } from '../types.js'

/** The format's version: a reader ignores a file with another one. */
export const CONNECTION_FORMAT_VERSION = 1

/**
 * Where `run` leaves its connection files, relative to its working folder (the project: npm scripts run
 * in the package's folder). Under `node_modules`, so it is never committed, and `.cache`, where tools
 * keep files nobody should edit.
 */
export const CONNECTION_DIR = join('node_modules', '.cache', 'agent-tasks-emulator')

/**
 * How to reach an emulator that `agent-tasks-emulator run` started: the JSON content of
 * `<project>/node_modules/.cache/agent-tasks-emulator/<port>.json` (mode 0600) while it runs.
 */
export interface EmulatorConnection {
  /** {@link CONNECTION_FORMAT_VERSION}. */
  version: typeof CONNECTION_FORMAT_VERSION
  /** The process of `run` that owns the emulator. */
  pid: number
  port: number
  /** `http://127.0.0.1:<port>`: the Frontend API and sign-in page. */
  url: string
  /** `CLERK_API_URL` (the Backend API, `/v1` appended by the SDKs). */
  apiUrl: string
  secretKey: string
  publishableKey: string
  instance: InstanceType
  /** ISO time the emulator started. */
  startedAt: string
}

/** The connection file of the emulator on `port` that `run` started in `projectDir`. */
export function connectionFilePath(projectDir: string, port: number): string {
  return join(projectDir, CONNECTION_DIR, `${port}.json`)
}

/** A written connection file; `remove()` deletes it (again: no-op). */
export interface WrittenConnectionFile {
  path: string
  remove(): void
}

/**
 * Writes `connection` to its file in `projectDir`, readable by this user only (the folder 0700, the
 * file 0600), atomically: a reader sees the whole file or none.
 */
export function writeConnectionFile(projectDir: string, connection: EmulatorConnection): WrittenConnectionFile {
  const dir = join(projectDir, CONNECTION_DIR)
  mkdirSync(join(dir, '..'), { recursive: true })
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const path = connectionFilePath(projectDir, connection.port)
  const temporary = `${path}.${process.pid}.tmp`
  try {
    // A new file (wx), so the mode applies: an existing one would keep its own.
    rmSync(temporary, { force: true })
    writeFileSync(temporary, `${JSON.stringify(connection, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
  let removed = false
  return {
    path,
    remove() {
      if (removed) return
      removed = true
      rmSync(path, { force: true })
    },
  }
}
