import type { Browser, BrowserContext } from 'playwright-core'
import { isAllowedUrl } from './allowed-domains.js'
import type { EmulatedTask, TaskStep } from './types.js'

/** What the emulated agent reports: the page it ended on, read as a person would. */
export interface AgentReport {
  ok: boolean
  output: string
}

export interface AgentRun {
  /** Resolves when the agent has browsed (or could not); never rejects. */
  done: Promise<AgentReport>
  /** Closes the agent's browser context. */
  stop(): Promise<void>
}

async function textOf(context: BrowserContext, selector: string): Promise<string> {
  const page = context.pages()[0]
  if (!page) return ''
  const text = await page.locator(selector).first().textContent({ timeout: 1000 }).catch(() => null)
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

/**
 * The emulator's "agent": opens `startUrl` in a fresh headless Chromium context, refuses every
 * request to a host outside `allowedDomains`, records each page it lands on as a step, and reports
 * the page's main heading and header text. It follows redirects (an agent-task link's sign-in) as a
 * browser does.
 */
export async function startAgent(browser: Browser, task: EmulatedTask, onStep: (step: TaskStep) => void): Promise<AgentRun> {
  const context = await browser.newContext()
  await context.route('**/*', async (route) => {
    const request = route.request()
    if (isAllowedUrl(request.url(), task.allowedDomains)) return route.continue()
    if (request.isNavigationRequest()) task.blockedUrls.push(new URL(request.url()).origin)
    return route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  // Chromium follows a redirect without asking the route again: a hop to a host that is not allowed
  // ends the agent's browsing before the page can load.
  page.on('request', (request) => {
    if (request.redirectedFrom() === null || !request.isNavigationRequest()) return
    if (isAllowedUrl(request.url(), task.allowedDomains)) return
    task.blockedUrls.push(new URL(request.url()).origin)
    void context.close().catch(() => undefined)
  })
  let previous = Date.now()
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || task.steps.length >= task.maxSteps) return
    const now = Date.now()
    onStep({
      number: task.steps.length + 1,
      memory: '',
      evaluationPreviousGoal: task.steps.length === 0 ? 'Start' : 'Success',
      nextGoal: task.steps.length === 0 ? 'Open the start page' : 'Read the page',
      url: frame.url(),
      screenshotUrl: null,
      actions: [task.steps.length === 0 ? 'go_to_url' : 'extract_content'],
      duration: (now - previous) / 1000,
    })
    previous = now
  })
  const done = (async (): Promise<AgentReport> => {
    if (task.startUrl === undefined) return { ok: true, output: 'No start page was given; nothing to do.' }
    const refused = () => ({
      ok: false,
      output: `Could not open the start page (refused: ${task.blockedUrls.join(', ')} is not in allowedDomains).`,
    })
    try {
      const response = await page.goto(task.startUrl, { waitUntil: 'load', timeout: 30_000 })
      // A refused redirect hop closes the context; goto may still resolve with the hop before it.
      if (task.blockedUrls.length > 0) return refused()
      const heading = await textOf(context, 'h1')
      const header = await textOf(context, 'header')
      const title = await page.title().catch(() => '')
      const status = response?.status() ?? 0
      const lines = [`Heading: ${heading || '(none)'}`, `Header: ${header || '(none)'}`, `Title: ${title || '(none)'}`]
      return { ok: status > 0 && status < 400, output: lines.join('\n') }
    } catch (error) {
      if (task.blockedUrls.length > 0) return refused()
      return { ok: false, output: `Could not open the start page: ${(error as Error).message.split('\n')[0]}` }
    }
  })()
  return { done, stop: () => context.close().catch(() => undefined) }
}
