import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Approvals } from './approvals'
import { MyAgentLinks } from './my-agent-links'

// The agent-access panel: mints and revokes links through the adapter's routes. Requests are
// same-origin, so the browser's session cookies authenticate them.
const API = '/api/agent-tasks'

interface Problem {
  title?: string
  detail?: string
}

interface MintedLink {
  agentTaskId: string
  taskDescription: string
  url: string
}

async function post(path: string, body?: unknown): Promise<{ ok: boolean; data: Record<string, unknown> }> {
  const response = await fetch(`${API}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const data = await response.json().catch(() => ({ title: `HTTP ${response.status}` }))
  return { ok: response.ok, data }
}

function LinkItem({ link, onProblem, onRevoked }: { link: MintedLink; onProblem: (problem: Problem | undefined) => void; onRevoked: () => void }) {
  const [state, setState] = useState<'Active' | 'Copied' | 'Revoked'>('Active')
  const [revoking, setRevoking] = useState(false)
  const urlField = useRef<HTMLInputElement>(null)

  async function copy() {
    await navigator.clipboard?.writeText(link.url).catch(() => {})
    urlField.current?.select()
    setState('Copied')
  }

  async function revoke() {
    setRevoking(true)
    const { ok, data } = await post(`/${encodeURIComponent(link.agentTaskId)}/revoke`)
    if (ok) {
      setState('Revoked')
      onProblem(undefined)
      onRevoked()
    } else {
      setRevoking(false)
      onProblem(data)
    }
  }

  return (
    <li className="link-item" data-agent-task-id={link.agentTaskId}>
      <span className="description">{link.taskDescription}</span>
      <input ref={urlField} className="url" readOnly aria-label="Agent link" value={state === 'Revoked' ? '' : link.url} />
      <button type="button" className="copy" onClick={copy}>
        Copy
      </button>
      <button type="button" className="revoke" onClick={revoke} disabled={revoking}>
        Revoke
      </button>
      <span className="state" role="status">
        {state}
      </span>
    </li>
  )
}

/** `showLedger`: the list of my links and the kill switch, for a person's session (an agent's may not use them). */
export function AgentPanel({ showLedger }: { showLedger: boolean }) {
  // The form stays disabled until React has hydrated it, so it is never submitted natively.
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const [links, setLinks] = useState<MintedLink[]>([])
  const [problem, setProblem] = useState<Problem | undefined>()
  const [version, setVersion] = useState(0)
  const changed = () => setVersion((current) => current + 1)

  async function mint(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    const scope = String(fields.get('scope') ?? '')
    const { ok, data } = await post('', {
      taskDescription: String(fields.get('taskDescription')),
      sessionMaxDurationInSeconds: Number(fields.get('sessionMaxDurationInSeconds')),
      redirectUrl: '/dashboard',
      ...(scope === '' ? {} : { scope }),
    })
    if (ok) {
      setProblem(undefined)
      setLinks((current) => [data.agentTask as MintedLink, ...current])
      changed()
    } else {
      setProblem(data)
    }
  }

  return (
    <section className="panel" aria-labelledby="agent-access">
      <h2 id="agent-access">Agent access</h2>
      <p>Mint a one-time link that signs an agent in as you and lands here. Treat it like a password.</p>
      <form id="mint-form" onSubmit={mint}>
        <fieldset disabled={!hydrated}>
          <label>
            What should the agent do?
            <input name="taskDescription" required maxLength={500} defaultValue="Check my dashboard" />
          </label>
          <label>
            Session length
            <select name="sessionMaxDurationInSeconds" defaultValue="900">
              <option value="300">5 minutes</option>
              <option value="900">15 minutes</option>
              <option value="1800">30 minutes</option>
              <option value="3600">1 hour</option>
            </select>
          </label>
          <label>
            Scope
            <select name="scope" defaultValue="">
              <option value="">None: anything but what the policy keeps for you</option>
              <option value="read-only">read-only: look, never change</option>
            </select>
          </label>
          <button type="submit">Create link</button>
        </fieldset>
      </form>
      <p id="panel-error" className="error" role="alert" hidden={!problem}>
        {problem ? `${problem.title ?? 'Error'}: ${problem.detail ?? ''}` : ''}
      </p>
      <ul id="links" aria-label="Links created on this page">
        {links.map((link) => (
          <LinkItem key={link.agentTaskId} link={link} onProblem={setProblem} onRevoked={changed} />
        ))}
      </ul>
      {showLedger ? <Approvals onProblem={setProblem} /> : null}
      {showLedger ? <MyAgentLinks version={version} onProblem={setProblem} /> : null}
    </section>
  )
}
