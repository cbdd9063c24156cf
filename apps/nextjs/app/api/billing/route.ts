import { auth } from '@clerk/nextjs/server'
import { billingOf } from '../../../lib/billing'

// Guarded by the agent policy (proxy.ts): a person gets it, an agent only with the person's approval.
export async function GET(): Promise<Response> {
  const { userId } = await auth()
  if (!userId) return Response.json({ title: 'Not signed in', detail: 'Sign in to see your billing.' }, { status: 401 })
  return Response.json(billingOf(userId))
}
