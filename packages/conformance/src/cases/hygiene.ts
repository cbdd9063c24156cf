import { expect, it } from 'vitest'
import type { SuiteContext } from '../context.js'

export function hygieneCases(ctx: () => SuiteContext): void {
  it('sent Cache-Control: no-store on every response', () => {
    const { responses } = ctx()
    expect(responses.length).toBeGreaterThan(20)
    for (const response of responses) expect(response.headers.get('cache-control'), response.text).toBe('no-store')
  })

  it('never put the secret key or the webhook signing secret in a response, or a link in an error', () => {
    const { responses, emulator } = ctx()
    for (const response of responses) {
      expect(response.text).not.toContain(emulator.secretKey)
      expect(response.text).not.toContain(emulator.webhookSigningSecret)
      if (response.status >= 400) expect(response.text).not.toMatch(/ticket=/)
    }
  })

  it('never printed a link, a ticket, the secret key or the webhook signing secret', () => {
    const { output, links, emulator, events, app, agentFriendlyApp, adminApp } = ctx()
    expect(links.length).toBeGreaterThan(3)
    const appOutput = [app, agentFriendlyApp, adminApp].map((running) => running.output?.() ?? '')
    const printed = [...output, ...appOutput].join('\n')
    expect(printed).not.toContain(emulator.secretKey)
    expect(printed).not.toContain(emulator.webhookSigningSecret)
    expect(printed).not.toMatch(/ticket=/)
    const hooks = JSON.stringify(events.map((e) => ({ hook: e.hook, event: { ...e.event, context: undefined } })))
    for (const link of links) {
      expect(printed).not.toContain(link)
      expect(hooks).not.toContain(link)
    }
  })
}
