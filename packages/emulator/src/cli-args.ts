import { parseArgs } from 'node:util'
import { EXIT } from './exit-codes.js'
import { PORT_ENV, RUN_DEFAULT_PORT } from './run/port.js'
import type { EmulatorOptions, EmulatorUserInput } from './types.js'
import { webhookUrl } from './webhooks/setup.js'

export { PORT_ENV, RUN_DEFAULT_PORT }

/** `--help` text. */
export const HELP = `Usage: agent-tasks-emulator [options]
       agent-tasks-emulator run [options] -- <command> [args...]

Starts an offline Clerk emulator on 127.0.0.1.

Without a command, it prints the environment for your app (KEY=value lines on stdout, usable as an
env file: the CLERK_* names and the names each framework's Clerk SDK reads, NEXT_PUBLIC_*, PUBLIC_*,
NUXT_PUBLIC_*, NUXT_*, VITE_*) and runs until SIGINT/SIGTERM.

run: runs <command> with that environment added (no shell; looked up in ./node_modules/.bin, the
same in each parent folder, then PATH), forwards SIGINT/SIGTERM/SIGHUP to it and stops the emulator
when it exits. With no --user (or --seed) it seeds Ada Lovelace <ada@example.com>, password
agent-tasks-demo (for Clerk's <SignIn />). If CLERK_SECRET_KEY (or NUXT_CLERK_SECRET_KEY) is set in
the environment or in ./.env or ./.env.local, it starts no emulator and runs <command> with the
environment unchanged: your app uses real Clerk. While the emulator runs,
its URL and keys are in ./node_modules/.cache/agent-tasks-emulator/<port>.json (readable by you only,
deleted when run stops), where the agent-tasks CLI run in this folder finds them.

Both modes print, on stderr, a one-time admin link to the inspector (<url>/_emulator/): users, sessions,
agent tasks, webhook deliveries; revoke links and end sessions there.

Options:
  --port <n>               Port. run: ${PORT_ENV}, else ${RUN_DEFAULT_PORT} (fixed, so that
                           values a build inlines still match at start). Otherwise: ${PORT_ENV},
                           else a random free port
  --user <spec>            Seed a user; repeatable. "ada@example.com" or "Ada Lovelace <ada@example.com>"
  --seed <file>            Seed users from a .json, .yaml or .yml file (emails, username, names,
                           password, metadata, fixed ids; see the README). run: no default user then
  --instance <type>        development (default) or production
  --token-ttl <seconds>    Session token lifetime (default 60)
  --allow-origin <origin>  Extra allowed redirect origin; repeatable (loopback hosts are always allowed)
  --no-rate-limit          Disable the Backend API rate limit (default 100 req / 10 s in development)
  --secret-key <key>       Use this secret key instead of a random one
  --webhook-url <url>      Send Clerk's session and user webhooks there, signed with the
                           CLERK_WEBHOOK_SIGNING_SECRET printed (run: added to the command's env)
  -v, --version            Print the version
  -h, --help               Show this help

Exit codes:
  run: the command's exit code, or 128+n when a signal n ended it; ${EXIT.notFound} command not found,
  ${EXIT.notExecutable} command not executable.
  ${EXIT.usage} bad usage, ${EXIT.portUnavailable} the port is in use (or not allowed), ${EXIT.error} any other error.
`

/** What the command line asks for. */
export type CliRequest =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'serve'; options: EmulatorOptions; seedFile?: string }
  | { kind: 'run'; options: EmulatorOptions; command: string; args: string[]; seedFile?: string }

/** Parses "Ada Lovelace <ada@example.com>" or "ada@example.com". */
export function parseUserSpec(spec: string): EmulatorUserInput {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(spec)
  const email = (match ? match[2] : spec)?.trim() ?? ''
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`Invalid --user "${spec}": expected an email address.`)
  const [firstName, ...rest] = (match?.[1] ?? '').split(/\s+/).filter(Boolean)
  return { email, ...(firstName ? { firstName } : {}), ...(rest.length ? { lastName: rest.join(' ') } : {}) }
}

function nonNegativeInt(value: string, flag: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new Error(`${flag} expects a non-negative integer, got "${value}".`)
  return n
}

function port(value: string, name: string): number {
  const n = nonNegativeInt(value, name)
  if (n > 65535) throw new Error(`${name} must be a port number 0-65535, got "${value}".`)
  return n
}

/**
 * The port: `--port`, else `AGENT_TASKS_EMULATOR_PORT` (when set and not empty), else `fallback`
 * (`undefined` = a random free port).
 */
export function resolvePort(flag: string | undefined, env: NodeJS.ProcessEnv, fallback: number | undefined): number | undefined {
  if (flag !== undefined) return port(flag, '--port')
  const fromEnv = env[PORT_ENV]
  if (fromEnv !== undefined && fromEnv !== '') return port(fromEnv, PORT_ENV)
  return fallback
}

const OPTIONS = {
  port: { type: 'string' },
  user: { type: 'string', multiple: true },
  seed: { type: 'string' },
  instance: { type: 'string' },
  'token-ttl': { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  'no-rate-limit': { type: 'boolean' },
  'secret-key': { type: 'string' },
  'webhook-url': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Turns argv (after the program name) into a request. Throws an `Error` naming the flag on bad usage. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv = {}): CliRequest {
  const isRun = argv[0] === 'run'
  const rest = isRun ? argv.slice(1) : argv
  const separator = rest.indexOf('--')
  const own = separator === -1 ? rest : rest.slice(0, separator)
  const { values, positionals } = parseArgs({ args: own, strict: true, allowPositionals: true, options: OPTIONS })
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  if (!isRun && (positionals.length > 0 || separator !== -1)) {
    throw new Error(`Unexpected argument "${positionals[0] ?? '--'}". To run a command: agent-tasks-emulator run [options] -- <command> [args...]`)
  }
  if (isRun && positionals.length > 0) {
    throw new Error(`Put the command after "--": agent-tasks-emulator run [options] -- ${positionals.join(' ')}`)
  }

  const options: EmulatorOptions = {}
  const chosenPort = resolvePort(values.port, env, isRun ? RUN_DEFAULT_PORT : undefined)
  if (chosenPort !== undefined) options.port = chosenPort
  if (values.user) options.users = values.user.map(parseUserSpec)
  if (values.instance !== undefined) {
    if (values.instance !== 'development' && values.instance !== 'production') throw new Error('--instance must be development or production.')
    options.instance = values.instance
  }
  if (values['token-ttl'] !== undefined) options.sessionTokenTtlSeconds = nonNegativeInt(values['token-ttl'], '--token-ttl')
  if (values['allow-origin']) options.allowedRedirectOrigins = values['allow-origin']
  if (values['no-rate-limit']) options.rateLimit = false
  if (values['secret-key'] !== undefined) options.secretKey = values['secret-key']
  if (values['webhook-url'] !== undefined) options.webhooks = { url: webhookUrl(values['webhook-url'], '--webhook-url') }
  // The file is read by the caller (cli.ts), so that parsing argv stays free of I/O.
  const seed = values.seed !== undefined ? { seedFile: values.seed } : {}
  if (values.seed === '') throw new Error('--seed needs a file name (.json, .yaml or .yml).')
  if (!isRun) return { kind: 'serve', options, ...seed }

  const [command, ...args] = separator === -1 ? [] : rest.slice(separator + 1)
  if (command === undefined || command === '') throw new Error('run needs a command after "--", e.g. agent-tasks-emulator run -- next start')
  return { kind: 'run', options, command, args, ...seed }
}
