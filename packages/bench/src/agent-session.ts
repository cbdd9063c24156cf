import type { EmulatorProcess } from './emulator-process.ts'
import { ROUTES } from './servers/routes.ts'

/**
 * An agent session as an app's agent gets one: the person mints a link on the server's adapter route
 * (scope `read-only`), the link is opened (the emulator answers 307 and opens the session), and the
 * session is found among the user's active ones by its actor's task ID. Resolves to a token factory.
 */
export async function agentSessionOn(origin: string, emulator: EmulatorProcess): Promise<(ttlSeconds: number) => Promise<string>> {
  const minted = await fetch(`${origin}${ROUTES.adapter}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await emulator.sessionToken(60)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ scope: 'read-only' }),
  })
  const body = (await minted.json()) as { agentTask?: { agentTaskId: string; url: string } }
  if (!minted.ok || !body.agentTask) throw new Error(`minting the agent's link answered ${minted.status}`)
  const { agentTaskId, url } = body.agentTask
  const opened = await fetch(url, { redirect: 'manual' })
  if (opened.status !== 307) throw new Error(`opening the agent's link answered ${opened.status}, not 307`)
  const session = (await emulator.activeSessions()).find((candidate) => candidate.actor?.task_id === agentTaskId)
  if (!session) throw new Error(`the emulator lists no session opened by agent task ${agentTaskId}`)
  return (ttlSeconds) => emulator.tokenOf(session.id, ttlSeconds)
}
