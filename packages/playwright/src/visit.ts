import type { Page, Response } from '@playwright/test'
import { AgentTaskSignInError } from './errors.js'
import { redactCredentials } from '@agent-tasks/core'
import { describeUrl } from './describe-url.js'

export interface VisitOptions {
  /** The URL the link was minted for; the visit is done once the page is on its origin and loaded. */
  redirectUrl: URL
  timeoutMs: number
}

/**
 * Opens an agent-task link in `page` and waits until the redirect chain (Frontend API → app handshake →
 * app) settles: the page is on the app's origin and its `load` event fired. Errors never carry the link.
 */
export async function visitLink(page: Page, link: string, options: VisitOptions): Promise<void> {
  const appOrigin = options.redirectUrl.origin
  const secrets = [link, ticketOf(link)]
  const deadline = Date.now() + options.timeoutMs
  let response: Response | null
  try {
    response = await page.goto(link, { waitUntil: 'load', timeout: options.timeoutMs })
  } catch (error) {
    throw navigationFailed(`Opening the agent-task link failed: ${firstLine(error, secrets)}`)
  }
  if (new URL(page.url()).origin !== appOrigin) {
    if (response && response.status() >= 400) throw await linkRefused(response, secrets)
    try {
      await page.waitForURL((url) => url.origin === appOrigin, {
        waitUntil: 'load',
        timeout: Math.max(1, deadline - Date.now()),
      })
    } catch {
      throw navigationFailed(
        `The browser did not reach ${appOrigin} within ${options.timeoutMs} ms after opening the agent-task link; ` +
          `it is on ${describeUrl(page.url())}.`,
      )
    }
  }
  try {
    await page.waitForLoadState('load', { timeout: Math.max(1, deadline - Date.now()) })
  } catch {
    throw navigationFailed(`${describeUrl(page.url())} did not finish loading within ${options.timeoutMs} ms.`)
  }
}

async function linkRefused(response: Response, secrets: readonly string[]): Promise<AgentTaskSignInError> {
  const status = response.status()
  let clerkCode: string | undefined
  let detail = ''
  try {
    const body = (await response.json()) as { errors?: Array<{ code?: unknown; long_message?: unknown; message?: unknown }> }
    const first = body.errors?.[0]
    if (typeof first?.code === 'string') clerkCode = first.code
    const message = first?.long_message ?? first?.message
    if (typeof message === 'string') detail = ` — ${redactCredentials(message, secrets)}`
  } catch {
    // not Clerk's JSON error body: the status is all we know
  }
  return new AgentTaskSignInError(
    'link_refused',
    `Clerk refused the agent-task link (HTTP ${status}${clerkCode ? ` ${clerkCode}` : ''})${detail}`,
    { status, ...(clerkCode ? { clerkCode } : {}) },
  )
}

function navigationFailed(message: string): AgentTaskSignInError {
  return new AgentTaskSignInError('navigation_failed', message)
}

/** First line of an error message (Playwright appends a call log that repeats the URL), credentials removed. */
function firstLine(error: unknown, secrets: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error)
  return redactCredentials(message.split('\n')[0] ?? '', secrets)
}

function ticketOf(link: string): string {
  try {
    return new URL(link).searchParams.get('ticket') ?? ''
  } catch {
    return ''
  }
}
