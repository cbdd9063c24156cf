import { relative } from 'node:path'
import { sdkEnv } from '../env.js'
import { EXIT } from '../exit-codes.js'
import type { Emulator, EmulatorOptions, EmulatorUser, EmulatorUserInput } from '../types.js'
import { startOrExplainPort } from '../start-or-explain.js'
import { runChild } from './child.js'
import { CONNECTION_FORMAT_VERSION, type WrittenConnectionFile, writeConnectionFile } from './connection-file.js'
import { findRealSecretKey } from './real-keys.js'
import { resolveCommand } from './resolve-command.js'
import { exitCodeForSignal, SignalRelay } from './signals.js'

/** The password of the user `run` seeds, for Clerk's `<SignIn />` in the sample apps (offline, so no secret). */
export const DEFAULT_RUN_PASSWORD = 'agent-tasks-demo'

/** The user `run` seeds when no `--user` is given. */
export const DEFAULT_RUN_USER: EmulatorUserInput = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', password: DEFAULT_RUN_PASSWORD }

export interface RunRequest {
  options: EmulatorOptions
  command: string
  args: string[]
}

export interface RunContext {
  cwd: string
  env: NodeJS.ProcessEnv
  /** One line of status, without the trailing newline. Never given a key or a token (the inspector's one-time admin link is the one exception: it is there to be opened from the terminal). */
  say(line: string): void
}

/**
 * `agent-tasks-emulator run`: with a real secret key around, runs the command on real Clerk with the
 * environment unchanged; else starts the emulator, runs the command with every SDK's variables added,
 * and stops the emulator when it exits. Resolves to the exit code for `run` itself.
 */
export async function runCommand(request: RunRequest, context: RunContext): Promise<number> {
  const { cwd, env, say } = context
  const resolved = resolveCommand(request.command, cwd, env)
  if ('missing' in resolved) {
    const what = resolved.missing === 'not-found' ? 'not found' : 'found but not executable'
    const where = /[\\/]/.test(request.command) ? `a path, from ${cwd}` : 'looked in node_modules/.bin of this folder and its parents, then PATH'
    say(`${request.command}: command ${what} (${where}). Nothing was started.`)
    return resolved.missing === 'not-found' ? EXIT.notFound : EXIT.notExecutable
  }

  const relay = new SignalRelay()
  relay.start()
  let emulator: Emulator | undefined
  let connectionFile: WrittenConnectionFile | undefined
  // Also when something ends the process without passing through `finally`.
  const removeConnectionFile = () => connectionFile?.remove()
  process.once('exit', removeConnectionFile)
  try {
    let childEnv: NodeJS.ProcessEnv
    const real = findRealSecretKey(cwd, env)
    if (real) {
      const where = real.source === 'environment' ? 'in the environment' : `in ${real.source}`
      // Keys in the environment may be another emulator's (a test harness, a demo): name where they lead.
      const target = env.CLERK_API_URL ? `the Clerk API at ${env.CLERK_API_URL}` : 'real Clerk'
      say(`${real.name} is set ${where}: running ${request.command} on ${target}, without starting an emulator.`)
      childEnv = env
    } else {
      const seeded = request.options.users !== undefined || request.options.seed !== undefined
      const options = { ...request.options, users: seeded ? (request.options.users ?? []) : [DEFAULT_RUN_USER] }
      emulator = await startOrExplainPort(options, say)
      if (emulator === undefined) return EXIT.portUnavailable
      childEnv = { ...env, ...sdkEnv(emulator.env) }
      say(
        `no CLERK_SECRET_KEY in the environment, .env or .env.local: Clerk ${emulator.instance} emulator on ${emulator.url} ` +
          `(${describeUsers(emulator.users.list())}${seeded ? '' : `, password ${DEFAULT_RUN_PASSWORD}`}; sign-in page ${emulator.signInUrl}); running ${request.command}.`,
      )
      connectionFile = shareConnection(emulator, cwd, say)
      say(`inspector (one-time admin link, works once): ${emulator.createAdminLink()}; or curl -H "Authorization: Bearer $CLERK_SECRET_KEY" ${emulator.inspectorUrl}`)
    }
    if (relay.received) return exitCodeForSignal(relay.received)

    const outcome = await runChild(resolved.file, request.command, request.args, childEnv, cwd, relay)
    if ('spawnError' in outcome) say(`${request.command}: could not start (${outcome.spawnError.code ?? outcome.spawnError.message}).`)
    return outcome.code
  } finally {
    // Signals stay caught until the emulator is closed, so a second Ctrl+C cannot cut that short.
    removeConnectionFile()
    process.off('exit', removeConnectionFile)
    await emulator?.close()
    relay.stop()
  }
}

/**
 * Writes the emulator's connection file in `cwd` for the `agent-tasks` CLI run from the same project.
 * A folder it cannot write to costs only that: the command still runs.
 */
function shareConnection(emulator: Emulator, cwd: string, say: RunContext['say']): WrittenConnectionFile | undefined {
  const port = Number(new URL(emulator.url).port)
  try {
    const written = writeConnectionFile(cwd, {
      version: CONNECTION_FORMAT_VERSION,
      pid: process.pid,
      port,
      url: emulator.url,
      apiUrl: emulator.apiUrl,
      secretKey: emulator.secretKey,
      publishableKey: emulator.publishableKey,
      instance: emulator.instance,
      startedAt: new Date().toISOString(),
    })
    const user = emulator.users.list()[0]?.email ?? '<email>'
    say(
      `for a session token, \`npx @agent-tasks/cli token --user ${user}\` in this folder: the agent-tasks CLI finds this emulator ` +
        `through ${relative(cwd, written.path)} (readable by you only, deleted when run stops).`,
    )
    return written
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
    say(`could not write the emulator's connection file in ${cwd} (${reason}): the agent-tasks CLI will not find this emulator by itself.`)
    return undefined
  }
}

function describeUsers(users: readonly EmulatorUser[]): string {
  if (users.length === 0) return 'no users'
  const named = users.map((user) => {
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ')
    return name && user.email ? `${name} <${user.email}>` : (user.email ?? user.id)
  })
  return `${users.length === 1 ? 'user' : 'users'} ${named.join(', ')}`
}
