import { clerkClient } from '@clerk/astro/server'
import type { APIRoute } from 'astro'

export const prerender = false

// Ends the Clerk session on the server and drops its cookies (these pages sign in and out on the
// server), then goes home.
export const POST: APIRoute = async (context) => {
  const { sessionId } = context.locals.auth()
  if (sessionId) await clerkClient(context).sessions.revokeSession(sessionId)
  const headers = new Headers({ Location: '/' })
  for (const cookie of (context.request.headers.get('cookie') ?? '').split(';')) {
    const name = cookie.split('=')[0]?.trim() ?? ''
    if (name === '__session' || name.startsWith('__session_')) headers.append('Set-Cookie', `${name}=; Path=/; Max-Age=0`)
    if (name === '__client_uat' || name.startsWith('__client_uat_')) headers.append('Set-Cookie', `${name}=0; Path=/; SameSite=Lax`)
  }
  return new Response(null, { status: 303, headers })
}
