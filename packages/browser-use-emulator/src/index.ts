import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { type Browser, chromium } from 'playwright-core'
import { Faults } from './faults.js'
import { createBrowserUseServer } from './server.js'
import { TaskRunner } from './task-runner.js'
import type { BrowserUseFault, EmulatedTask } from './types.js'
import { sendStatusWebhook, type WebhookTarget } from './webhooks.js'

export type { BrowserUseFault, EmulatedTask, TaskStatus, TaskStep } from './types.js'
export { canonicalJson, signWebhook } from './webhooks.js'
export { isAllowedUrl } from './allowed-domains.js'

export interface BrowserUseEmulatorOptions {
  /** The key clients must send as `X-Browser-Use-API-Key`. Default: a fixed test key. */
  apiKey?: string
  /** Port on 127.0.0.1. Default: a free one. */
  port?: number
  /** Headless Chromium the agent browses with. Default `CHROMIUM_PATH` or Debian's `/usr/bin/chromium`. */
  chromiumPath?: string
  /** Tasks running at once before creating one answers 429. Default 3. */
  maxConcurrentTasks?: number
  /** Where to send signed `agent.task.status_update` webhooks. */
  webhook?: WebhookTarget
}

export interface BrowserUseEmulator {
  /** `http://127.0.0.1:<port>/api/v2`: the SDK's `baseUrl`. */
  readonly baseUrl: string
  readonly apiKey: string
  /** `BROWSER_USE_API_KEY` and `BROWSER_USE_BASE_URL` for an app or CLI using this emulator. */
  readonly env: Readonly<Record<string, string>>
  /** The tasks so far (including their start URLs: never print them). */
  tasks(): ReadonlyArray<Readonly<EmulatedTask>>
  readonly faults: { add(rule: BrowserUseFault): void; clear(): void }
  /** Stops every task, Chromium and the server. */
  close(): Promise<void>
}

export const DEFAULT_API_KEY = 'bu_emulator_test_key'

/**
 * An offline Browser Use Cloud (API v2) on 127.0.0.1: the endpoints `browser-use-sdk` calls, its
 * auth and error shapes, fault injection, signed webhooks, and an agent that really browses the task's
 * `startUrl` in headless Chromium, within `allowedDomains`.
 */
export async function startBrowserUseEmulator(options: BrowserUseEmulatorOptions = {}): Promise<BrowserUseEmulator> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY
  const executablePath = options.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  let browser: Promise<Browser> | undefined
  const launch = () => {
    browser ??= chromium.launch({ executablePath, headless: true })
    return browser
  }
  const faults = new Faults()
  let baseUrl = ''
  const runner = new TaskRunner(
    launch,
    () => faults.nextOutcome(),
    (task) => {
      if (options.webhook) void sendStatusWebhook(options.webhook, task)
    },
  )
  const server = createBrowserUseServer({ apiKey, maxConcurrentTasks: options.maxConcurrentTasks ?? 3, runner, faults, baseUrl: () => baseUrl })
  server.listen(options.port ?? 0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}/api/v2`
  return {
    baseUrl,
    apiKey,
    env: { BROWSER_USE_API_KEY: apiKey, BROWSER_USE_BASE_URL: baseUrl },
    tasks: () => [...runner.tasks.values()],
    faults,
    async close() {
      await runner.stopAll()
      server.closeAllConnections()
      server.close()
      if (browser) await (await browser).close().catch(() => undefined)
    },
  }
}
