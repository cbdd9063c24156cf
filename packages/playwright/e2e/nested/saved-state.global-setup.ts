import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { chromium, type FullConfig } from '@playwright/test'
import { signInWithAgentTask } from '../../src/index.js'

// What the README's "One saved state for every worker" shows: one sign-in for the whole run, written to
// the file every project's `storageState` names, ended by the teardown this returns.
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const { baseURL, storageState, launchOptions } = config.projects[0]?.use ?? {}
  if (typeof storageState !== 'string') throw new Error('set use.storageState to the file the setup writes')
  const browser = await chromium.launch({ ...launchOptions, handleSIGINT: false, handleSIGTERM: false })
  try {
    const agent = await signInWithAgentTask(browser, { user: { identifier: 'ada@example.com' }, redirectUrl: '/dashboard', ...(baseURL ? { baseURL } : {}) })
    await mkdir(dirname(storageState), { recursive: true })
    await writeFile(storageState, JSON.stringify(await agent.storageState()), { mode: 0o600 })
    return async () => {
      await agent.dispose() // ends the session: the file signs nobody in after the run
      await browser.close()
    }
  } catch (error) {
    await browser.close()
    throw error
  }
}
