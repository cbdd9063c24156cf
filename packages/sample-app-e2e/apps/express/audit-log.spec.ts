import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sampleAppTest } from '../../src/index.ts'
import { expect } from '@playwright/test'
import { app } from './app.ts'

const test = sampleAppTest(app)

test('the audit log keeps each link minted and each agent session ended, on disk and on the dashboard, never a link', async ({ page, stack }) => {
  const link = await stack.mintLink({ taskDescription: 'audited' })
  expect((await fetch(link.url, { redirect: 'manual' })).status).toBe(307)
  expect(await stack.revokeLink(link.agentTaskId)).toBe(200)

  const file = await readFile(join(app.appDir, 'audit.jsonl'), 'utf8')
  expect(file).not.toContain(link.url)
  const entries = file
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { event: string; agentTaskId?: string; by?: string; forUser?: string; agentSessionId?: string })
    .filter((entry) => entry.agentTaskId === link.agentTaskId)
  const agentSession = stack.emulator.state.sessions().find((s) => s.agentTaskId === link.agentTaskId)
  expect(entries).toMatchObject([
    { event: 'link created', by: stack.ada.id, forUser: stack.ada.id },
    { event: 'agent session ended', by: stack.ada.id, forUser: stack.ada.id, agentSessionId: agentSession?.id },
  ])

  await page.goto(stack.app.url)
  await page.getByRole('link', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: /ada@example\.com/ }).click()
  const rows = page.getByRole('table', { name: 'Audit log' }).locator('tr', { hasText: link.agentTaskId })
  await expect(rows.locator('.audit-event')).toHaveText(['agent session ended', 'link created'])
})
