import { type Browser, chromium } from 'playwright-core'

/** Headless Chromium at `CHROMIUM_PATH` (default /usr/bin/chromium), as the stdio server's tests launch it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  })
}

/** Who the app's dashboard says is signed in after opening `link` in a fresh context. */
export async function openLink(browser: Browser, link: string, appOrigin: string): Promise<{ user: string; actor: string }> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(link)
    await page.waitForURL((url) => url.origin === appOrigin && url.pathname === '/dashboard')
    return { user: (await page.getByTestId('user').textContent()) ?? '', actor: (await page.getByTestId('actor').textContent()) ?? '' }
  } finally {
    await context.close()
  }
}
