import { clerkClient, getAuth } from '@clerk/react-router/server'
import type { Route } from './+types/sign-out'

// Ends the Clerk session on the server and drops its cookies (there is no clerk-js in these pages to
// do it in the browser), then goes home.
export async function action(args: Route.ActionArgs): Promise<Response> {
  const { sessionId } = await getAuth(args)
  if (sessionId) await clerkClient(args).sessions.revokeSession(sessionId)
  const headers = new Headers({ Location: '/' })
  for (const cookie of (args.request.headers.get('cookie') ?? '').split(';')) {
    const name = cookie.split('=')[0]?.trim() ?? ''
    if (name === '__session' || name.startsWith('__session_')) headers.append('Set-Cookie', `${name}=; Path=/; Max-Age=0`)
    if (name === '__client_uat' || name.startsWith('__client_uat_')) headers.append('Set-Cookie', `${name}=0; Path=/; SameSite=Lax`)
  }
  return new Response(null, { status: 303, headers })
}
