import { startEmulator } from '../emulator.js'
import { sdkEnv } from '../env.js'
import { EXIT } from '../exit-codes.js'
import type { Emulator, EmulatorOptions, EmulatorUser, EmulatorUserInput } from '../types.js'
import { runChild } from './child.js'
import { portUnavailableMessage } from '../port-error.js'
import { findRealSecretKey } from './real-keys.js'
import { resolveCommand } from './resolve-command.js'
import { exitCodeForSignal, SignalRelay } from './signals.js'

/** The user `run` seeds when no `--user` is given. */
export const DEFAULT_RUN_USER: EmulatorUserInput = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }

export interface RunRequest {
  options: EmulatorOptions
  command: string
  args: string[]
}

export interface RunContext {
  cwd: string
  env: NodeJS.ProcessEnv
  /** One line of status, without the trailing newline. Never given a key or a token. */
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
  try {
    let childEnv: NodeJS.ProcessEnv
    const real = findRealSecretKey(cwd, env)
    if (real) {
      const where = real.source === 'environment' ? 'in the environment' : `in ${real.source}`
      say(`${real.name} is set ${where}: running ${request.command} on real Clerk, without the emulator.`)
      childEnv = env
    } else {
      const options = { ...request.options, users: request.options.users ?? [DEFAULT_RUN_USER] }
      try {
        emulator = await startEmulator(options)
      } catch (error) {
        const message = portUnavailableMessage(error, options.port)
        if (message === undefined) throw error
        say(message)
        return EXIT.portUnavailable
      }
      childEnv = { ...env, ...sdkEnv(emulator.env) }
      say(
        `no CLERK_SECRET_KEY in the environment, .env or .env.local: Clerk ${emulator.instance} emulator on ${emulator.url} ` +
          `(${describeUsers(emulator.users.list())}; sign-in page ${emulator.signInUrl}); running ${request.command}.`,
      )
    }
    if (relay.received) return exitCodeForSignal(relay.received)

    const outcome = await runChild(resolved.file, request.command, request.args, childEnv, cwd, relay)
    if ('spawnError' in outcome) say(`${request.command}: could not start (${outcome.spawnError.code ?? outcome.spawnError.message}).`)
    return outcome.code
  } finally {
    // Signals stay caught until the emulator is closed, so a second Ctrl+C cannot cut that short.
    await emulator?.close()
    relay.stop()
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
