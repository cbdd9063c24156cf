import { type BrowserUseEmulator, startBrowserUseEmulator } from '@agent-tasks/browser-use-emulator'
import { type Emulator, sdkEnv, startEmulator } from '@agent-tasks/emulator'
import { test as base } from '@agent-tasks/playwright'
import { ADA_PASSWORD } from './person-sign-in.ts'
import { type StartAppOptions, type StartedApp, startApp } from './start-app.ts'

export interface SampleAppStack {
  emulator: Emulator
  /** The offline Browser Use, when `stackOptions.browserUse`. */
  browserUse: BrowserUseEmulator | undefined
  app: StartedApp
  ada: { id: string; email: string }
  /** Mints a link through the app's own `/api/agent-tasks` route, as Ada (Bearer token). */
  mintLink(body?: Record<string, unknown>): Promise<{ agentTaskId: string; url: string }>
  /** Revokes through the app's own route, as Ada; resolves to the HTTP status. */
  revokeLink(agentTaskId: string): Promise<number>
}

export type SampleAppLaunch = Pick<StartAppOptions, 'appDir' | 'command' | 'readyTimeoutMs'>

/** How the worker's emulator is set up; `test.use({ stackOptions })` in a describe block gives it its own stack. */
export interface StackOptions {
  /** Lifetime of session tokens. Short, so a browser whose session was ended finds out on its next navigation. */
  sessionTokenTtlSeconds?: number
  /** Also start the offline Browser Use and give the app its `BROWSER_USE_*` environment. */
  browserUse?: boolean
}

/**
 * `@agent-tasks/playwright`'s `test` with a worker-scoped `stack` (an emulator and the sample app
 * started against it) and `agentTasks` pointed at both, so `signInAs` signs contexts in. No default
 * user: the built-in `page` starts signed out, as the link specs need.
 */
export function sampleAppTest(launch: SampleAppLaunch) {
  return base.extend<object, { stack: SampleAppStack; stackOptions: StackOptions }>({
    stackOptions: [{}, { scope: 'worker', option: true }],
    agentTasks: [
      async ({ stack }, use) => {
        await use({
          secretKey: stack.emulator.secretKey,
          apiUrl: stack.emulator.apiUrl,
          redirectUrl: `${stack.app.url}/dashboard`,
        })
      },
      { scope: 'worker' },
    ],
    stack: [
      async ({ stackOptions }, use) => {
        const emulator = await startEmulator({
          users: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', password: ADA_PASSWORD }],
          ...(stackOptions.sessionTokenTtlSeconds === undefined ? {} : { sessionTokenTtlSeconds: stackOptions.sessionTokenTtlSeconds }),
        })
        const browserUse = stackOptions.browserUse ? await startBrowserUseEmulator() : undefined
        // Every name each framework's Clerk SDK reads (what `agent-tasks-emulator run` would set): with a
        // secret key in the environment, the app's `run` leaves it as it is and starts no emulator.
        const app = await startApp({ ...launch, env: { ...sdkEnv(emulator.env), ...browserUse?.env } })
        const user = emulator.users.findByEmail('ada@example.com')
        if (!user) throw new Error('the emulator has no demo user')
        const ada = { id: user.id, email: 'ada@example.com' }
        const bearer = async () => `Bearer ${(await emulator.signIn(ada.id)).token}`
        try {
          await use({
            emulator,
            browserUse,
            app,
            ada,
            async mintLink(body = {}) {
              const response = await fetch(`${app.url}/api/agent-tasks`, {
                method: 'POST',
                headers: { Authorization: await bearer(), 'Content-Type': 'application/json' },
                body: JSON.stringify({ redirectUrl: '/dashboard', taskDescription: 'e2e', ...body }),
              })
              if (response.status !== 201) throw new Error(`minting through the app failed: ${response.status}`)
              return ((await response.json()) as { agentTask: { agentTaskId: string; url: string } }).agentTask
            },
            async revokeLink(agentTaskId) {
              const response = await fetch(`${app.url}/api/agent-tasks/${agentTaskId}/revoke`, {
                method: 'POST',
                // A script's write: JSON Content-Type even without a body (Astro's origin check wants one).
                headers: { Authorization: await bearer(), 'Content-Type': 'application/json' },
              })
              return response.status
            },
          })
        } finally {
          await app.stop()
          await browserUse?.close()
          await emulator.close()
        }
      },
      { scope: 'worker', timeout: 120_000 },
    ],
  })
}
