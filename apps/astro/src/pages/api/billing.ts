import type { APIRoute } from 'astro'
import { billingOf } from '../../billing'

export const prerender = false

// Guarded by the agent policy (src/middleware.ts): a person gets it, an agent only with the person's approval.
export const GET: APIRoute = ({ locals }) => {
  const { userId } = locals.auth()
  if (!userId) return Response.json({ title: 'Not signed in', detail: 'Sign in to see your billing.' }, { status: 401 })
  return Response.json(billingOf(userId))
}
