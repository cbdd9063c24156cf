import { existsSync } from 'node:fs'
import { chmod, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { type CreatedAgentTask, redactCredentials } from '@agent-tasks/core'
import type { BrowserContext } from 'playwright-core'
import { endLink } from './agent-access.js'
import { CliError } from './cli-error.js'
import type { Admin, Subject } from './clerk-admin.js'
import { type MintInput, mintLink } from './mint-link.js'

/** A storage-state file signed in as the user, and the session behind it. */
export interface SignedInState {
  /** Absolute path of the Playwright storage-state JSON (mode 0600). */
  path: string
  agentTaskId: string
  sessionId: string
  sessionMaxDurationInSeconds: number
  /** ISO 8601: when Clerk ends the session at the latest. */
  sessionEndsAt: string
  /** Where the browser settled on the app (the query string left out). */
  landedAt: string
}

export interface BrowserOptions {
  /** Where the storage state is written (created 0600, or replaced). */
  path: string
  /** Chromium to launch. Default: `CHROMIUM_PATH`, else `/usr/bin/chromium` when present, else Playwright's own. */
  chromiumPath?: string | undefined
  /** Longest the link may take to land signed in. Default 30 s. */
  timeoutMs?: number | undefined
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking']

function chromiumPath(given: string | undefined): string | undefined {
  if (given) return given
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

/** The `sid` and `sub` of the Clerk session token the app set for `url` (decoded, not verified: it is ours). */
async function sessionCookie(context: BrowserContext, url: string): Promise<{ sid: string; sub: string } | undefined> {
  for (const cookie of await context.cookies(url)) {
    if (cookie.name !== '__session' && !cookie.name.startsWith('__session_')) continue
    try {
      const claims = JSON.parse(Buffer.from(cookie.value.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
      if (typeof claims.sid === 'string' && typeof claims.sub === 'string') return { sid: claims.sid, sub: claims.sub }
    } catch {
      // not a session token
    }
  }
  return undefined
}

/**
 * Mints a link for `subject` through core, opens it in headless Chromium, waits until the app set a
 * session of that user, and writes the context's storage state to `options.path`. On any failure the
 * link (or the session it opened) is ended; no error carries the link.
 */
export async function signInToStorageState(admin: Admin, subject: Subject, mint: MintInput, options: BrowserOptions): Promise<SignedInState> {
  const task = await mintLink(admin, subject, mint)
  try {
    return await openAndSave(admin, subject, task, options)
  } catch (error) {
    const cleanup = await endLink(admin, task.agentTaskId, subject).then(
      () => '',
      (failed: unknown) => ` Ending its access failed too (${failed instanceof Error ? failed.message : String(failed)}): end it with agent-tasks revoke ${task.agentTaskId} --user ${subject.id}.`,
    )
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new CliError(redactCredentials(`Signing in through agent task ${task.agentTaskId} in Chromium failed: ${message}${cleanup}`, [task.url]))
  }
}

async function openAndSave(admin: Admin, subject: Subject, task: CreatedAgentTask, options: BrowserOptions): Promise<SignedInState> {
  const timeout = options.timeoutMs ?? 30_000
  const appOrigin = new URL(task.redirectUrl).origin
  const executablePath = chromiumPath(options.chromiumPath)
  // Loaded here: the other commands start without Playwright.
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ headless: true, args: LAUNCH_ARGS, ...(executablePath ? { executablePath } : {}) })
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(task.url, { waitUntil: 'load', timeout })
    await page.waitForURL((url) => url.origin === appOrigin, { waitUntil: 'load', timeout })
    const session = await sessionCookie(context, page.url())
    if (!session || session.sub !== subject.id) {
      throw new Error(
        `the link landed on ${appOrigin}${new URL(page.url()).pathname}, but the app set no Clerk session of ${subject.label} there: does its Clerk middleware run on that page, with keys of the same Clerk instance?`,
      )
    }
    const path = resolve(options.path)
    await writeFile(path, `${JSON.stringify(await context.storageState(), null, 2)}\n`, { mode: 0o600 })
    await chmod(path, 0o600) // `mode` applies only when the file is created
    const { expireAt } = await admin.clerk.sessions.getSession(session.sid)
    const landed = new URL(page.url())
    return {
      path,
      agentTaskId: task.agentTaskId,
      sessionId: session.sid,
      sessionMaxDurationInSeconds: task.sessionMaxDurationInSeconds,
      sessionEndsAt: new Date(expireAt).toISOString(),
      landedAt: `${landed.origin}${landed.pathname}`,
    }
  } finally {
    await browser.close()
  }
}
