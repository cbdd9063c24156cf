import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type Page, chromium } from 'playwright-core'
import { startEmulator } from '../../src/index.js'
import type { Emulator, EmulatorOptions } from '../../src/types.js'

/** One CA for every clerk-js test run on this machine (made once, reused). */
export const TEST_CA_DIR = join(tmpdir(), 'agent-tasks-emulator-test-ca')
/** The bundle versions the emulator carries (the bare `@6`/`@1` paths still serve the old stand-ins). */
const CLERK_JS = '/npm/@clerk/clerk-js@6.40.0/dist/clerk.browser.js'
const CLERK_UI = '/npm/@clerk/ui@1.34.0/dist/ui.browser.js'

export function startTlsEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ ...options, tls: { caDir: TEST_CA_DIR } })
}

/**
 * An app page on its own origin that loads Clerk's real clerk-js + UI from the emulator: `<SignIn/>` (which
 * sends the browser to `/signed-in` after signing in) while signed out, `<UserButton/>` once signed in.
 */
function appHtml(emulator: Emulator): string {
  const fapi = emulator.frontendApiUrl
  return `<!doctype html><html><head><title>app</title></head><body><div id="mount"></div>
<script async crossorigin="anonymous" data-clerk-publishable-key="${emulator.publishableKey}" src="${fapi}${CLERK_JS}"></script>
<script async crossorigin="anonymous" src="${fapi}${CLERK_UI}"></script>
<script>
window.__clerkLoad = (async () => {
  while (!window.Clerk || !window.__internal_ClerkUICtor) await new Promise((r) => setTimeout(r, 20));
  await window.Clerk.load({ ui: { ClerkUI: window.__internal_ClerkUICtor }, unsafe_disableDevelopmentModeConsoleWarning: true });
  const mount = document.getElementById('mount');
  if (window.Clerk.user) window.Clerk.mountUserButton(mount);
  else window.Clerk.mountSignIn(mount, { forceRedirectUrl: '/signed-in' });
  return window.Clerk.status;
})();
</script></body></html>`
}

export interface ClerkJsPage {
  page: Page
  appUrl: string
  /** Console errors, page errors and failed requests seen by the page. */
  problems: string[]
  /** Cookies the page's origin holds. */
  appCookies(): Promise<Record<string, string>>
  close(): Promise<void>
}

export async function openClerkJsPage(browser: Browser, emulator: Emulator): Promise<ClerkJsPage> {
  const html = appHtml(emulator)
  const app: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  const address = app.address()
  const appUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
  const context = await browser.newContext()
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('requestfailed', (request) => problems.push(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`))
  await page.goto(appUrl)
  await clerkLoaded(page)
  return {
    page,
    appUrl,
    problems,
    async appCookies() {
      const cookies = await context.cookies(appUrl)
      return Object.fromEntries(cookies.map((c) => [c.name, c.value]))
    },
    async close() {
      await context.close()
      await new Promise<void>((resolve) => app.close(() => resolve()))
    },
  }
}

export function launchChromium(emulator: Emulator): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [`--ignore-certificate-errors-spki-list=${emulator.tls?.caSpkiSha256 ?? ''}`],
  })
}

/** Waits for the page's `Clerk.load()` (and its component mount) to finish. */
export async function clerkLoaded(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __clerkLoad: Promise<string> }).__clerkLoad)
}

/** Types email + password into `<SignIn/>` and, when `expectSignedIn`, waits for the redirect to `/signed-in`. */
export async function signInWithPassword(page: Page, email: string, password: string, expectSignedIn = true): Promise<void> {
  await page.locator('input[name="identifier"]').fill(email)
  await page.getByRole('button', { name: 'Continue', exact: true }).click()
  await page.locator('input[name="password"]').fill(password)
  await page.getByRole('button', { name: 'Continue', exact: true }).click()
  if (!expectSignedIn) return
  await page.waitForURL('**/signed-in', { timeout: 15_000 })
  await clerkLoaded(page)
}
