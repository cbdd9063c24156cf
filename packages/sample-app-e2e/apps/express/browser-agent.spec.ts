import { sampleAppTest } from '../../src/index.ts'
import { expect } from '@playwright/test'
import { signInAsPerson } from '../../src/person-sign-in.ts'
import { app } from './app.ts'

const test = sampleAppTest(app)
test.use({ stackOptions: { browserUse: true } })

test('the dashboard sends a browser agent: it lands signed in as Ada, reports the greeting, and its session is ended', async ({ page, stack }) => {
  await signInAsPerson(page, stack.app.url)
  await page.getByLabel('Task for the agent').fill('Open the dashboard and report the greeting')
  await page.getByRole('button', { name: 'Send agent' }).click()
  await expect(page.locator('#agent-run-status')).toHaveText(/Agent finished: its session was ended/, { timeout: 30_000 })
  await expect(page.getByRole('list', { name: 'Agent steps' }).locator('li').first()).toContainText(`${stack.app.url}/dashboard`)
  await expect(page.locator('#agent-run-output')).toContainText('Header: Welcome, Ada')
  const task = stack.browserUse?.tasks().at(-1)
  const agentTaskId = task?.metadata.agentTaskId as string
  expect(stack.emulator.state.sessions().find((s) => s.agentTaskId === agentTaskId)?.status).toBe('revoked')
  expect(await page.content()).not.toContain(task?.startUrl as string)
  expect(stack.app.output()).not.toContain(task?.startUrl as string)
})

test('Stop ends a running agent: the Browser Use task is stopped and the agent’s session ended', async ({ page, stack }) => {
  stack.browserUse?.faults.add({ kind: 'task-hangs', times: 1 })
  await signInAsPerson(page, stack.app.url)
  await page.getByRole('button', { name: 'Send agent' }).click()
  await expect(page.locator('#agent-run-status')).toHaveText(/Agent running… \([1-9]/, { timeout: 30_000 })
  await page.getByRole('button', { name: 'Stop' }).click()
  await expect(page.locator('#agent-run-status')).toHaveText(/Agent stopped/, { timeout: 15_000 })
  const task = stack.browserUse?.tasks().at(-1)
  expect(task?.status).toBe('stopped')
  const session = stack.emulator.state.sessions().find((s) => s.agentTaskId === task?.metadata.agentTaskId)
  expect(session?.status).toBe('revoked')
})

test('a browser agent sent to Billing is refused by the agent policy: its step shows the 403 page, and the person is asked', async ({ page, stack }) => {
  await signInAsPerson(page, stack.app.url)
  await page.getByLabel('Task for the agent').fill('Open the billing page and report the plan')
  await page.getByLabel('Start page').selectOption('/billing')
  await page.getByRole('button', { name: 'Send agent' }).click()
  await expect(page.locator('#agent-run-status')).toHaveText(/Agent finished \(unsuccessful\): its session was ended/, { timeout: 30_000 })
  await expect(page.getByRole('list', { name: 'Agent steps' }).locator('li').last()).toContainText(`${stack.app.url}/billing`)
  await expect(page.locator('#agent-run-output')).toContainText('Heading: Agents may not do this')
  await page.reload()
  const waiting = page.getByRole('list', { name: 'Waiting for your approval' })
  await expect(waiting.locator('.approval-item', { has: page.locator('.approval-path', { hasText: /^\/billing$/ }) })).toHaveCount(1)
})
