import { auth } from '@clerk/nextjs/server'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { billingOf } from '../../lib/billing'

export const metadata: Metadata = { title: 'Billing — Agent Tasks sample' }

// A person's page: the agent policy (proxy.ts) keeps agents out until the person approves.
export default async function BillingPage() {
  const { userId } = await auth()
  if (!userId) redirect('/')
  const { plan, nextInvoice } = billingOf(userId)
  return (
    <>
      <header>
        <strong>Billing</strong>
        <Link href="/dashboard">Back to the dashboard</Link>
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
