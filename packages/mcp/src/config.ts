import { parseArgs } from 'node:util'
import { CliError, clerkConfig, EXIT, landingUrl } from '@agent-tasks/cli/admin'

/** How the server was started: flags first, then the environment and `.env` (already loaded). */
export interface McpServerConfig {
  /** Allow a production (`sk_live_`) Clerk key. */
  live: boolean
  /** The app's origin: where links land (a path resolves against it; any other origin is refused). */
  appOrigin: string
  /** Who a tool call without `user` signs in: email, username or user ID. */
  defaultUser: string | undefined
}

export const USAGE = `Usage: agent-tasks-mcp [--app-url <url>] [--user <who>] [--live]

A stdio MCP server for local development: one-time Clerk agent-task links, and Playwright
storage-state files, that sign a browser into your app as a test user.

Options:
  --app-url <url>  the app (default: APP_URL); links land only on its origin
  --user <who>     the default user: email, username or user ID (default: AGENT_TASKS_USER)
  --live           allow a production (sk_live_) Clerk key
  -v, --version    print the version
  -h, --help       print this help

Environment (or .env in the working folder), as for the agent-tasks CLI:
  CLERK_SECRET_KEY, CLERK_API_URL  the Clerk instance; without a key, the emulator that
                                   \`agent-tasks-emulator run\` runs in this folder or a parent
  AGENT_TASKS_EMULATOR_PORT        which emulator, when several run
  APP_URL, AGENT_TASKS_USER        as --app-url and --user
  CHROMIUM_PATH                    the Chromium storageState launches`

export type Parsed = { kind: 'help' } | { kind: 'version' } | { kind: 'serve'; live: boolean; appUrl: string | undefined; user: string | undefined }

/** The command line; throws a `CliError` (exit 2) naming what it did not understand. */
export function parseCommandLine(argv: readonly string[]): Parsed {
  let values: { live?: boolean; 'app-url'?: string; user?: string; help?: boolean; version?: boolean }
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        live: { type: 'boolean' },
        'app-url': { type: 'string' },
        user: { type: 'string', short: 'u' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    throw new CliError(`${(error as Error).message} (--help for usage)`, EXIT.usage)
  }
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  return { kind: 'serve', live: values.live === true, appUrl: values['app-url'], user: values.user }
}

/**
 * The server's settings, refusing at start what every call would refuse: no app URL, and a
 * production key in the environment or `.env` without `--live`. Without a key, the emulator is
 * looked for at each call (it may start after the server, with a new key each time).
 */
export async function resolveConfig(parsed: Extract<Parsed, { kind: 'serve' }>): Promise<McpServerConfig> {
  const appUrl = parsed.appUrl ?? process.env.APP_URL
  if (!appUrl) throw new CliError("APP_URL is not set: pass --app-url http://localhost:3000 (your app's URL), or set APP_URL in the environment or .env.", EXIT.config)
  if (!/^https?:\/\//i.test(appUrl)) throw new CliError(`${parsed.appUrl ? '--app-url' : 'APP_URL'} must be an http(s) URL, such as http://localhost:3000.`, EXIT.config)
  const { origin } = landingUrl(appUrl)
  if (process.env.CLERK_SECRET_KEY) await clerkConfig(parsed.live)
  const defaultUser = parsed.user ?? (process.env.AGENT_TASKS_USER || undefined)
  return { live: parsed.live, appOrigin: origin, defaultUser }
}
