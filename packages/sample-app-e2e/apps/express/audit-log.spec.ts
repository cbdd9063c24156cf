import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sampleAppTest } from '../../src/index.ts'
import { expect } from '@playwright/test'
import { signInAsPerson } from '../../src/person-sign-in.ts'
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

  await signInAsPerson(page, stack.app.url)
  const rows = page.getByRole('table', { name: 'Audit log' }).locator('tr', { hasText: link.agentTaskId })
  await expect(rows.locator('.audit-event')).toHaveText(['agent session ended', 'link created'])
})

test('the audit log keeps what the agent policy refused an agent and the person’s answer to its ask', async ({ browser, stack }) => {
  const link = await stack.mintLink({ taskDescription: 'audited policy' })
  const agent = await browser.newContext()
  const agentPage = await agent.newPage()
  await agentPage.goto(link.url)
  const refused = await agentPage.request.get(`${stack.app.url}/api/billing`, { headers: { Accept: 'application/json' } })
  expect(refused.status()).toBe(403)
  const approvalId = ((await refused.json()) as { approval: { id: string } }).approval.id
  const { token } = await stack.emulator.signIn(stack.ada.id)
  const approved = await fetch(`${stack.app.url}/api/agent-tasks/approvals/${approvalId}/approve`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  })
  expect(approved.status).toBe(200)
  await agent.close()

  const entries = (await readFile(join(app.appDir, 'audit.jsonl'), 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { event: string; agentTaskId?: string })
    .filter((entry) => entry.agentTaskId === link.agentTaskId)
  const agentSession = stack.emulator.state.sessions().find((s) => s.agentTaskId === link.agentTaskId)
  expect(entries).toMatchObject([
    { event: 'link created' },
    { event: 'agent refused', forUser: stack.ada.id, agentSessionId: agentSession?.id, request: 'GET /api/billing', code: `agent_action_forbidden (approval ${approvalId})` },
    { event: 'approval approved', by: stack.ada.id, forUser: stack.ada.id, agentSessionId: agentSession?.id, request: 'GET /api/billing' },
  ])
})
