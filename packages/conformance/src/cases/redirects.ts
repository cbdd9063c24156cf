import { expect, it } from 'vitest'
import type { SuiteContext } from '../context.js'
import { expectProblem } from '../expect-problem.js'

const REFUSED = [
  '//evil.example/',
  '///evil.example/',
  '/\\evil.example/',
  '\\\\evil.example',
  '/%2F%2Fevil.example',
  '/%252F%252Fevil.example',
  '/%5Cevil.example',
  '/.//evil.example/x',
  'https://evil.example/dashboard',
  'https:evil.example',
  'https:/evil.example',
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'ftp://127.0.0.1/',
  ' /dashboard',
  '/dash\nboard',
  '/dash%0d%0aboard',
  'dashboard',
  '',
]

export function redirectCases(ctx: () => SuiteContext): void {
  it.each(REFUSED)('refuses the redirect target %j', async (redirectUrl) => {
    const { app, request, ada, agentTaskCalls } = ctx()
    const before = agentTaskCalls()
    const result = await request(app, '', { bearer: ada.token, json: { redirectUrl } })
    expectProblem(result, 400, 'invalid_request', ['redirectUrl'])
    expect(agentTaskCalls()).toBe(before)
  })

  it('refuses credentials in the URL, even on the app origin', async () => {
    const { app, request, ada } = ctx()
    const withUser = app.origin.replace('://', '://user:pass@')
    const result = await request(app, '', { bearer: ada.token, json: { redirectUrl: `${withUser}/dashboard` } })
    expectProblem(result, 400, 'invalid_request', ['redirectUrl'])
  })

  it('resolves a path against the app origin and accepts absolute URLs on it', async () => {
    const { app, request, ada } = ctx()
    const path = await request(app, '', { bearer: ada.token, json: { redirectUrl: '/dashboard?tab=agents#top' } })
    expect(path.status, path.text).toBe(201)
    expect(path.body.agentTask.redirectUrl).toBe(`${app.origin}/dashboard?tab=agents#top`)
    const absolute = await request(app, '', { bearer: ada.token, json: { redirectUrl: `${app.origin}/settings` } })
    expect(absolute.status, absolute.text).toBe(201)
    expect(absolute.body.agentTask.redirectUrl).toBe(`${app.origin}/settings`)
  })
}
