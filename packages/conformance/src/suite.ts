import { afterAll, beforeAll, describe } from 'vitest'
import { authCases } from './cases/auth.js'
import { clerkFailureCases } from './cases/clerk-failures.js'
import { createCases } from './cases/create.js'
import { guardCases } from './cases/guard.js'
import { hygieneCases } from './cases/hygiene.js'
import { ledgerCases } from './cases/ledger.js'
import { programmaticCases } from './cases/programmatic.js'
import { redirectCases } from './cases/redirects.js'
import { revokeCases } from './cases/revoke.js'
import { routeHelperCases } from './cases/route-helper.js'
import { securityCases, unexpectedErrorCases } from './cases/security.js'
import { validationCases } from './cases/validation.js'
import { webhookCases } from './cases/webhooks.js'
import { withoutClerkCases } from './cases/without-clerk.js'
import { createSuiteContext, type SuiteContext } from './context.js'
import type { ConformanceTarget } from './target.js'

/**
 * What every adapter must honour, run against the adapter's real server, its framework's real Clerk
 * middleware and the emulator, through every helper the adapter offers: the whole HTTP contract, the
 * single-route helper, the programmatic API called from app routes, and an app without the Clerk
 * middleware. Call it from a test file of the adapter.
 */
export function runConformanceSuite(target: ConformanceTarget): void {
  describe(`agent-tasks conformance: ${target.name}`, () => {
    let context: (SuiteContext & { close(): Promise<void> }) | undefined
    const ctx = (): SuiteContext => {
      if (!context) throw new Error('conformance context not ready')
      return context
    }
    beforeAll(async () => {
      context = await createSuiteContext(target)
    }, 30_000)
    afterAll(async () => {
      await context?.close()
    })

    describe('authentication and policy', () => authCases(ctx))
    describe('input validation', () => validationCases(ctx))
    describe('redirect targets', () => redirectCases(ctx))
    describe('minting', () => createCases(ctx))
    describe('revoking', () => revokeCases(ctx))
    describe('the ledger, the kill switch and the limits', () => ledgerCases(ctx))
    describe('Clerk failures', () => clerkFailureCases(ctx))
    describe('request-path security', () => securityCases(ctx))
    describe('unexpected errors', () => unexpectedErrorCases(ctx))
    describe('the single-route helper', () => routeHelperCases(ctx))
    describe('the programmatic API, sharing one instance', () => programmaticCases(ctx))
    describe('without the Clerk middleware', () => withoutClerkCases(ctx))
    describe('the agent guard in the app’s own routes', () => guardCases(ctx))
    describe('Clerk’s webhooks', () => webhookCases(ctx))
    describe('hygiene', () => hygieneCases(ctx))
  })
}
