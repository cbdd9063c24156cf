import { getAuth } from '@clerk/react-router/server'
import { billingOf } from '../billing'
import type { Route } from './+types/api.billing'

// Guarded by the agent policy (app/root.tsx): a person gets it, an agent only with the person's approval.
export async function loader(args: Route.LoaderArgs) {
  const { userId } = await getAuth(args)
  if (!userId) return Response.json({ title: 'Not signed in', detail: 'Sign in to see your billing.' }, { status: 401 })
  return Response.json(billingOf(userId))
}
