import { useCallback, useEffect, useState } from 'react'

// "Waiting for your approval": agents' requests the agent policy asks you about, with Approve and
// Decline, through the adapter's routes (same-origin, so the session cookies authenticate them).
const API = '/api/agent-tasks/approvals'

interface Problem {
  title?: string
  detail?: string
}

interface ApprovalRequest {
  id: string
  method: string
  path: string
  createdAt: string
}

export function Approvals({ onProblem }: { onProblem: (problem: Problem | undefined) => void }) {
  const [requests, setRequests] = useState<ApprovalRequest[]>([])
  const [answering, setAnswering] = useState<string | undefined>()

  const load = useCallback(async () => {
    const response = await fetch(API, { headers: { Accept: 'application/json' } })
    const data = await response.json().catch(() => ({ title: `HTTP ${response.status}` }))
    if (response.ok) setRequests(data.data as ApprovalRequest[])
    else onProblem(data)
  }, [onProblem])

  useEffect(() => {
    void load()
  }, [load])

  async function answer(id: string, verb: 'approve' | 'decline') {
    setAnswering(id)
    const response = await fetch(`${API}/${encodeURIComponent(id)}/${verb}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    })
    onProblem(response.ok ? undefined : await response.json().catch(() => ({ title: `HTTP ${response.status}` })))
    setAnswering(undefined)
    await load()
  }

  return (
    <section className="panel" aria-labelledby="approvals-title">
      <h2 id="approvals-title">Waiting for your approval</h2>
      <p>Your agents asked to do these; the agent policy keeps them for you. Approving lets the agent retry that request for 5 minutes.</p>
      <p className="toolbar">
        <button type="button" onClick={load}>
          Refresh
        </button>
      </p>
      <ul id="approvals" aria-label="Waiting for your approval">
        {requests.map((request) => (
          <li key={request.id} className="approval-item" data-approval-id={request.id}>
            <code>
              <span className="approval-method">{request.method}</span> <span className="approval-path">{request.path}</span>
            </code>
            <span className="approval-when">{new Date(request.createdAt).toLocaleString()}</span>
            <button type="button" onClick={() => answer(request.id, 'approve')} disabled={answering === request.id}>
              Approve
            </button>
            <button type="button" className="danger" onClick={() => answer(request.id, 'decline')} disabled={answering === request.id}>
              Decline
            </button>
          </li>
        ))}
      </ul>
      {requests.length === 0 ? <p>Nothing is waiting.</p> : null}
    </section>
  )
}
