import { UserButton } from '@clerk/nextjs'
import { auth, currentUser } from '@clerk/nextjs/server'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AgentPanel } from './agent-panel'

export const metadata: Metadata = { title: 'Dashboard — Agent Tasks sample' }

export default async function DashboardPage() {
  const { userId, actor } = await auth()
  if (!userId) redirect('/')
  const user = await currentUser()
  const email = user?.primaryEmailAddress?.emailAddress
  const displayName = user?.firstName ?? email ?? userId
  const isAgentSession = actor?.type === 'agent'
  const agentId = isAgentSession && typeof actor.sub === 'string' ? actor.sub : undefined
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
          Signed in as {email ?? displayName}.{' '}
          {/* Not prefetched: an agent's prefetch would be refused by the policy and ask you for approval. */}
          <Link href="/billing" prefetch={false}>
            Billing
          </Link>
        </p>
        <AgentPanel showLedger={!isAgentSession} />
      </main>
    </>
  )
}
