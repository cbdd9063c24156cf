import { UserButton } from '@clerk/tanstack-react-start'
import { createFileRoute, Link } from '@tanstack/react-router'
import { AgentPanel } from '../agent-panel'
import { getDashboard } from '../session'

function Dashboard() {
  const { displayName, email, isAgentSession, agentId } = Route.useLoaderData()
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

export const Route = createFileRoute('/dashboard')({
  head: () => ({ meta: [{ title: 'Dashboard — Agent Tasks sample' }] }),
  loader: () => getDashboard(),
  component: Dashboard,
})
