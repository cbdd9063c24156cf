import { getAuth } from '@clerk/react-router/server'
import { Link, redirect } from 'react-router'
import { billingOf } from '../billing'
import type { Route } from './+types/billing'

export const meta = () => [{ title: 'Billing — Agent Tasks sample' }]

// A person's page: the agent policy (app/root.tsx) keeps agents out until the person approves.
export async function loader(args: Route.LoaderArgs) {
  const { userId } = await getAuth(args)
  if (!userId) throw redirect('/')
  return billingOf(userId)
}

export default function Billing({ loaderData: { plan, nextInvoice } }: Route.ComponentProps) {
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
