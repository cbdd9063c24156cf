import { expect, type Page } from '@playwright/test'
import { signInAsPerson } from './person-sign-in.ts'
import type { SampleAppSpecOptions } from './specs.ts'
import { sampleAppTest } from './stack.ts'

const JSON_ACCEPT = { Accept: 'application/json' }

/** Mints a link through the dashboard's agent-access panel, with a scope ('' for none), and reads it off the page. */
async function mintThroughPanel(page: Page, task: string, scope: '' | 'read-only'): Promise<string> {
  await page.getByLabel('What should the agent do?').fill(task)
  await page.getByLabel('Scope').selectOption(scope)
  await page.getByRole('button', { name: 'Create link' }).click()
  const url = page.locator('.link-item', { has: page.locator('.description', { hasText: task }) }).locator('.url')
  await expect(url).toHaveValue(/ticket=/)
  return url.inputValue()
}

/**
 * The agent page's own requests first: clerk-js refreshes the page's session cookies when it loads, and
 * a request sent from the same cookie jar meanwhile was seen signed out (401) about once in two CI runs.
 * Not explained yet (see the closing note of 2026-12-03); the policy answers are what these specs check.
 */
async function afterClerkSettles(page: Page): Promise<Page> {
  await page.waitForLoadState('networkidle')
  return page
}

/** A person gets the billing page and `GET /api/billing`, whatever agents were refused. */
async function expectPersonGetsBilling(page: Page, appUrl: string): Promise<void> {
  const response = await page.goto(`${appUrl}/billing`)
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible()
  const api = await page.request.get(`${appUrl}/api/billing`, { headers: JSON_ACCEPT })
  expect(api.status()).toBe(200)
  expect(await api.json()).toMatchObject({ plan: expect.any(String), nextInvoice: expect.anything() })
}

/**
 * The agent policy in the sample app (`agentTasks.guard` with the built-in policy): agents must ask
 * before `/billing` and `/api/billing`, the person answers in the panel's "Waiting for your approval",
 * and a `read-only` link's agent may not change anything. Its own spec file (`agent-policy.spec.ts`).
 */
export function defineAgentPolicySpecs(options: SampleAppSpecOptions): void {
  const test = sampleAppTest(options)

  test.describe(`${options.name} sample app: the agent policy`, () => {
    test('an agent is refused billing until the person approves it in the panel; the person gets billing throughout', async ({ page, browser, stack }) => {
      const appUrl = stack.app.url
      await signInAsPerson(page, appUrl)
      await page.getByRole('link', { name: 'Billing' }).click()
      await expect(page).toHaveURL(`${appUrl}/billing`)
      await expectPersonGetsBilling(page, appUrl)

      await page.goto(`${appUrl}/dashboard`)
      const link = await mintThroughPanel(page, 'Check the invoices', '')
      const agent = await browser.newContext()
      const agentPage = await agent.newPage()
      await agentPage.goto(link)
      await expect(agentPage).toHaveURL(`${appUrl}/dashboard`)
      await expect(agentPage.getByTestId('agent-session')).toBeVisible()

      // The page navigation gets the guard's 403 page, the API its problem document with the approval.
      const refusedPage = await agentPage.goto(`${appUrl}/billing`)
      expect(refusedPage?.status()).toBe(403)
      await expect(agentPage.locator('body')).toContainText('GET /billing')
      await expect(agentPage.locator('body')).toContainText(/approve/i)
      const refusedApi = await (await afterClerkSettles(agentPage)).request.get(`${appUrl}/api/billing`, { headers: JSON_ACCEPT })
      expect(refusedApi.status()).toBe(403)
      expect(refusedApi.headers()['content-type']).toContain('application/problem+json')
      const problem = (await refusedApi.json()) as { code: string; approval?: { id: string; status: string } }
      expect(problem).toMatchObject({ code: 'agent_action_forbidden', approval: { id: expect.stringMatching(/^apr_/), status: 'pending' } })
      await expectPersonGetsBilling(page, appUrl)

      // The person sees both requests in the panel and approves them (some pages read their data from
      // the API: Nuxt's /billing does).
      await page.goto(`${appUrl}/dashboard`)
      const waiting = page.getByRole('list', { name: 'Waiting for your approval' })
      const pageRequest = waiting.locator('.approval-item', { has: page.locator('.approval-path', { hasText: /^\/billing$/ }) })
      const apiRequest = waiting.locator(`.approval-item[data-approval-id="${problem.approval?.id}"]`)
      await expect(pageRequest.locator('.approval-method')).toHaveText('GET')
      await expect(pageRequest.locator('.approval-when')).not.toBeEmpty()
      await expect(apiRequest.locator('.approval-path')).toHaveText('/api/billing')
      await pageRequest.getByRole('button', { name: 'Approve' }).click()
      await expect(pageRequest).toHaveCount(0)
      await apiRequest.getByRole('button', { name: 'Approve' }).click()
      await expect(apiRequest).toHaveCount(0)

      // The agent's retries get in.
      const retried = await agentPage.goto(`${appUrl}/billing`)
      expect(retried?.status()).toBe(200)
      await expect(agentPage.getByTestId('billing-plan')).not.toBeEmpty()
      expect((await (await afterClerkSettles(agentPage)).request.get(`${appUrl}/api/billing`, { headers: JSON_ACCEPT })).status()).toBe(200)
      await expectPersonGetsBilling(page, appUrl)
      await agent.close()
    })

    test('a read-only link’s agent reads the dashboard but is refused a change (a POST); a declined request stays refused', async ({ page, browser, stack }) => {
      const appUrl = stack.app.url
      await signInAsPerson(page, appUrl)
      const link = await mintThroughPanel(page, 'Only look around', 'read-only')
      const agent = await browser.newContext()
      const agentPage = await agent.newPage()
      await agentPage.goto(link)
      await expect(agentPage).toHaveURL(`${appUrl}/dashboard`)
      await expect(agentPage.getByTestId('agent-session')).toBeVisible()

      // A write is outside `read-only`: refused with no approval to ask for (a POST from the agent's browser,
      // with the Origin a same-origin POST carries: Astro refuses cross-site form posts itself).
      const response = await (await afterClerkSettles(agentPage)).request.post(`${appUrl}/dashboard`, { headers: { ...JSON_ACCEPT, Origin: appUrl } })
      expect(response.status()).toBe(403)
      const problem = (await response.json()) as { code: string; approval?: unknown }
      expect(problem.code).toBe('agent_action_forbidden')
      expect(problem.approval).toBeUndefined()
      await agentPage.goto(`${appUrl}/dashboard`)
      await expect(agentPage.getByTestId('agent-session')).toBeVisible()

      // Reading billing is inside `read-only`, so the policy asks; the person declines, and it stays refused.
      const asked = await (await afterClerkSettles(agentPage)).request.get(`${appUrl}/api/billing`, { headers: JSON_ACCEPT })
      expect(asked.status()).toBe(403)
      const approvalId = ((await asked.json()) as { approval?: { id: string } }).approval?.id
      expect(approvalId).toMatch(/^apr_/)
      await page.reload()
      const request = page.getByRole('list', { name: 'Waiting for your approval' }).locator(`.approval-item[data-approval-id="${approvalId}"]`)
      await request.getByRole('button', { name: 'Decline' }).click()
      await expect(request).toHaveCount(0)
      const declined = await (await afterClerkSettles(agentPage)).request.get(`${appUrl}/api/billing`, { headers: JSON_ACCEPT })
      expect(declined.status()).toBe(403)
      expect(((await declined.json()) as { approval?: { id: string } }).approval?.id).not.toBe(approvalId)
      await expectPersonGetsBilling(page, appUrl)
      await agent.close()
    })
  })
}
