import { UserButton } from '@clerk/react-router'
import { clerkClient, getAuth } from '@clerk/react-router/server'
import { Link, redirect } from 'react-router'
import { AgentPanel } from '../agent-panel'
import type { Route } from './+types/dashboard'

export const meta = () => [{ title: 'Dashboard — Agent Tasks sample' }]

export async function loader(args: Route.LoaderArgs) {
  const { userId, actor } = await getAuth(args)
  if (!userId) throw redirect('/')
  const user = await clerkClient(args).users.getUser(userId)
  const email = user.primaryEmailAddress?.emailAddress
  const isAgentSession = actor?.type === 'agent'
  return {
    displayName: user.firstName ?? email ?? userId,
    email,
    isAgentSession,
    agentId: isAgentSession && typeof actor?.sub === 'string' ? actor.sub : undefined,
  }
}

export default function Dashboard({ loaderData: { displayName, email, isAgentSession, agentId } }: Route.ComponentProps) {
  return (
    <>
      <header>
        <strong>Welcome, {displayName}</strong>
        {/* Clerk's user menu: its Sign out ends the session (refused in an agent session, as Clerk refuses it). */}
        <UserButton />
      </header>
      <main>
        {isAgentSession ? (
          <p className="banner agent" data-testid="agent-session">
            You are in an <strong>agent session</strong>
            {agentId ? (
              <>
                {' '}
                (agent <code>{agentId}</code>)
              </>
            ) : null}
            , opened through an agent-task link. Agent sessions cannot mint new links.
          </p>
        ) : null}
        <h1>Dashboard</h1>
        <p>
          Signed in as {email ?? displayName}. <Link to="/billing">Billing</Link>
        </p>
        <AgentPanel showLedger={!isAgentSession} />
      </main>
    </>
  )
}
