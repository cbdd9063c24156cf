import { auth } from '@clerk/tanstack-react-start/server'
import { createFileRoute, Link, redirect } from '@tanstack/react-router'
import { createIsomorphicFn } from '@tanstack/react-start'
import { type Billing, billingOf } from '../billing'

// Not a server function: those are reached at their own /_serverFn/… path, which the agent policy on
// /billing would not cover. On the server the loader runs only while rendering /billing itself (which
// the guard checked); in the browser it reads GET /api/billing, which the guard checks too.
const loadBilling = createIsomorphicFn()
  .server(async (): Promise<Billing> => {
    const { userId } = await auth()
    if (!userId) throw redirect({ to: '/' })
    return billingOf(userId)
  })
  .client(async (): Promise<Billing> => {
    const response = await fetch('/api/billing', { headers: { Accept: 'application/json' } })
    if (response.status === 401) throw redirect({ to: '/' })
    const data = await response.json()
    if (!response.ok) throw new Error(`${data.title ?? `HTTP ${response.status}`}: ${data.detail ?? ''}`)
    return data as Billing
  })

function BillingPage() {
  const { plan, nextInvoice } = Route.useLoaderData()
  return (
    <>
      <header>
        <strong>Billing</strong>
        <Link to="/dashboard">Back to the dashboard</Link>
      </header>
      <main>
        <h1>Billing</h1>
        <p>
          Plan: <strong data-testid="billing-plan">{plan}</strong>
        </p>
        <p>
          Next invoice: {nextInvoice.amount} on {nextInvoice.date}
        </p>
      </main>
    </>
  )
}

export const Route = createFileRoute('/billing')({
  head: () => ({ meta: [{ title: 'Billing — Agent Tasks sample' }] }),
  loader: () => loadBilling(),
  component: BillingPage,
  errorComponent: ({ error }) => (
    <main>
      <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
    </main>
  ),
})
