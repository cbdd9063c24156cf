import { auth } from '@clerk/tanstack-react-start/server'
import { createFileRoute } from '@tanstack/react-router'
import { billingOf } from '../../billing'

// Guarded by the agent policy (src/start.ts): a person gets it, an agent only with the person's approval.
async function getBilling(): Promise<Response> {
  const { userId } = await auth()
  if (!userId) return Response.json({ title: 'Not signed in', detail: 'Sign in to see your billing.' }, { status: 401 })
  return Response.json(billingOf(userId))
}

export const Route = createFileRoute('/api/billing')({ server: { handlers: { GET: getBilling } } })
