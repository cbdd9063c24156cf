import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { type CallOptions, type CallResult, call, sessionCookies } from './client.js'
import { startEventCollector } from './event-collector.js'
import { type ConformanceProfile, conformanceOptions, type RecordEvent } from './profiles.js'
import type { ConformanceTarget, RunningApp } from './target.js'

export interface SuiteUser {
  id: string
  email: string
  /** A normal session's token. */
  token: string
  /** Session cookies for that token. */
  cookies: string
}

/** Everything the suite's cases share: one emulator, a few app instances, users and recordings. */
export interface SuiteContext {
  target: ConformanceTarget
  emulator: Emulator
  /** Default options plus recording hooks and a 1 s Clerk timeout. */
  app: RunningApp
  /** `allowAgentSessions: true`. */
  agentFriendlyApp: RunningApp
  /** `authorize` lets `admin` act for anyone; `allowAgentName` lists "qa-bot". */
  adminApp: RunningApp
  ada: SuiteUser
  bob: SuiteUser
  admin: SuiteUser
  /** A token for an agent session of Ada's (`act.type === "agent"`). */
  adaAgentToken: string
  events: Array<{ hook: string; event: Record<string, unknown> }>
  /** Every response the adapter's helpers sent the suite, to check headers and leaks at the end. */
  responses: CallResult[]
  /** Every line anything in this process wrote to the console or stdout/stderr. */
  output: string[]
  /** Links minted during the suite (credentials that must never be printed). */
  links: string[]
  /** POST to a path below the app's base path, recording the response. */
  request(app: RunningApp, path: string, options?: CallOptions): Promise<CallResult>
  /** POST (or `options.method`) to a path of the app, recording the response. */
  requestAt(app: RunningApp, path: string, options?: CallOptions): Promise<CallResult>
  /** Number of calls the emulator received on the agent-task endpoints so far. */
  agentTaskCalls(): number
}

/** Signs a user in for the main app: a bearer token, and cookies from a browser session on that
 * app's origin (Clerk puts the page's origin in the `azp` claim of browser session tokens). */
async function signInUser(emulator: Emulator, email: string, appOrigin: string): Promise<SuiteUser> {
  const user = emulator.users.findByEmail(email)
  if (!user) throw new Error(`emulator has no user ${email}`)
  const { token } = await emulator.signIn(user.id)
  const browserSession = await emulator.signIn(user.id, { azp: appOrigin })
  return { id: user.id, email, token, cookies: sessionCookies(browserSession.token) }
}

function captureOutput(output: string[]): () => void {
  const restore: Array<() => void> = []
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream)
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      output.push(String(chunk))
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof stream.write
    restore.push(() => {
      stream.write = original
    })
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    // biome-ignore lint/suspicious/noConsole: the suite records console output to prove no link leaks
    const original = console[method]
    console[method] = (...args: unknown[]) => {
      output.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '))
      original.apply(console, args)
    }
    restore.push(() => {
      console[method] = original
    })
  }
  return () => {
    for (const undo of restore) undo()
  }
}

/** A write without a body gets `Content-Type: application/json` where the framework refuses it otherwise. */
function withFrameworkWriteHeaders(target: ConformanceTarget, options: CallOptions): CallOptions {
  if (target.crossSiteWritesRefusedBy === undefined) return options
  const write = !['GET', 'HEAD', 'OPTIONS'].includes(options.method ?? 'POST')
  const hasBody = options.json !== undefined || options.rawBody !== undefined
  return write && !hasBody && options.contentType === undefined ? { ...options, contentType: 'application/json' } : options
}

export async function createSuiteContext(target: ConformanceTarget): Promise<SuiteContext & { close(): Promise<void> }> {
  const output: string[] = []
  const stopCapture = captureOutput(output)
  const emulator = await startEmulator({
    users: [
      { email: 'ada@example.com', firstName: 'Ada' },
      { email: 'bob@example.com', firstName: 'Bob' },
      { email: 'admin@example.com', firstName: 'Admin' },
    ],
    rateLimit: false,
    // The apps read CLERK_WEBHOOK_SIGNING_SECRET from emulator.env; the webhook cases point the URL at the main app.
    webhooks: { retryDelaysMs: [] },
  })
  const events: SuiteContext['events'] = []
  const record: RecordEvent = (hook, event) => {
    events.push({ hook, event })
  }
  const collector = await startEventCollector(record)
  const adminUserId = emulator.users.findByEmail('admin@example.com')?.id
  if (!adminUserId) throw new Error('emulator has no admin user')
  const startProfile = (profile: ConformanceProfile) =>
    target.start(emulator, conformanceOptions(profile, { adminUserId, record }), {
      profile,
      eventsUrl: collector.url,
      adminUserId,
    })
  const app = await startProfile('main')
  const agentFriendlyApp = await startProfile('agentFriendly')
  const adminApp = await startProfile('admin')
  const [ada, bob, admin] = await Promise.all(
    ['ada@example.com', 'bob@example.com', 'admin@example.com'].map((email) => signInUser(emulator, email, app.origin)),
  )
  if (!ada || !bob || !admin) throw new Error('could not sign in the suite users')
  const adaAgent = await emulator.signIn(ada.id, { actor: { type: 'agent', sub: 'agt_conformance' } })
  const responses: CallResult[] = []
  const links: string[] = []
  const requestAt = async (app: RunningApp, path: string, options: CallOptions = {}) => {
    const result = await call(`${app.origin}${path}`, withFrameworkWriteHeaders(target, options))
    // The programmatic routes are the app's own responses; every other one is the adapter's.
    if (!path.startsWith(app.programmaticPath)) responses.push(result)
    const url = result.body?.agentTask?.url
    if (typeof url === 'string') links.push(url)
    return result
  }

  return {
    target,
    emulator,
    app,
    agentFriendlyApp,
    adminApp,
    ada,
    bob,
    admin,
    adaAgentToken: adaAgent.token,
    events,
    responses,
    output,
    links,
    request: (target, path, options) => requestAt(target, `${target.basePath}${path}`, options),
    requestAt,
    agentTaskCalls() {
      return emulator.state.requests().filter((r) => r.path.startsWith('/v1/agents/tasks')).length
    },
    async close() {
      stopCapture()
      await Promise.all([app.close(), agentFriendlyApp.close(), adminApp.close()])
      await Promise.all([emulator.close(), collector.close()])
    },
  }
}
