import { auth, clerkClient } from '@clerk/tanstack-react-start/server'
import { createFileRoute } from '@tanstack/react-router'

// Ends the Clerk session on the server and drops its cookies (there is no clerk-js in these pages to
// do it in the browser), then goes home.
async function signOut({ request }: { request: Request }): Promise<Response> {
  const { sessionId } = await auth()
  if (sessionId) await clerkClient().sessions.revokeSession(sessionId)
  const headers = new Headers({ Location: '/' })
  for (const cookie of (request.headers.get('cookie') ?? '').split(';')) {
    const name = cookie.split('=')[0]?.trim() ?? ''
    if (name === '__session' || name.startsWith('__session_')) headers.append('Set-Cookie', `${name}=; Path=/; Max-Age=0`)
    if (name === '__client_uat' || name.startsWith('__client_uat_')) headers.append('Set-Cookie', `${name}=0; Path=/; SameSite=Lax`)
  }
  return new Response(null, { status: 303, headers })
}

export const Route = createFileRoute('/sign-out')({ server: { handlers: { POST: signOut } } })
