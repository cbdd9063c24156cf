import { parseArgs } from 'node:util'
import type { EmulatorOptions, EmulatorUserInput } from './types.js'

/** `--help` text. */
export const HELP = `Usage: agent-tasks-emulator [options]

Starts an offline Clerk emulator on 127.0.0.1 and prints the environment for your app
(KEY=value lines on stdout; usable as an env file). Runs until SIGINT/SIGTERM.

Options:
  --port <n>               Port (default: a random free port)
  --user <spec>            Seed a user; repeatable. "ada@example.com" or "Ada Lovelace <ada@example.com>"
  --instance <type>        development (default) or production
  --token-ttl <seconds>    Session token lifetime (default 60)
  --allow-origin <origin>  Extra allowed redirect origin; repeatable (loopback hosts are always allowed)
  --no-rate-limit          Disable the Backend API rate limit (default 100 req / 10 s in development)
  --secret-key <key>       Use this secret key instead of a random one
  -h, --help               Show this help
`

/** Parses "Ada Lovelace <ada@example.com>" or "ada@example.com". */
export function parseUserSpec(spec: string): EmulatorUserInput {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(spec)
  const email = (match ? match[2] : spec)?.trim() ?? ''
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`Invalid --user "${spec}": expected an email address.`)
  const [firstName, ...rest] = (match?.[1] ?? '').split(/\s+/).filter(Boolean)
  return { email, ...(firstName ? { firstName } : {}), ...(rest.length ? { lastName: rest.join(' ') } : {}) }
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} expects a non-negative integer, got "${value}".`)
  return n
}

/** Turns argv into emulator options, or `'help'`. */
export function parseCli(argv: string[]): EmulatorOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      user: { type: 'string', multiple: true },
      instance: { type: 'string' },
      'token-ttl': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'no-rate-limit': { type: 'boolean' },
      'secret-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  const options: EmulatorOptions = {}
  if (values.port !== undefined) options.port = positiveInt(values.port, '--port')
  if (values.user) options.users = values.user.map(parseUserSpec)
  if (values.instance !== undefined) {
    if (values.instance !== 'development' && values.instance !== 'production') throw new Error('--instance must be development or production.')
    options.instance = values.instance
  }
  if (values['token-ttl'] !== undefined) options.sessionTokenTtlSeconds = positiveInt(values['token-ttl'], '--token-ttl')
  if (values['allow-origin']) options.allowedRedirectOrigins = values['allow-origin']
  if (values['no-rate-limit']) options.rateLimit = false
  if (values['secret-key'] !== undefined) options.secretKey = values['secret-key']
  return options
}
