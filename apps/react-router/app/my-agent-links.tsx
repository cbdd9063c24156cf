import { useCallback, useEffect, useState } from 'react'

// "My agent links": every link I minted, as Clerk shows it now (used, and whether its session is still
// active), with revoke on each (for a used link, it ends the agent's session) and a kill switch.
const API = '/api/agent-tasks'
const STATUS_TEXT: Record<string, string> = { pending: 'Pending', used: 'Used', revoked: 'Revoked', expired: 'Expired' }

interface Problem {
  title?: string
  detail?: string
}

interface LinkRecord {
  agentTaskId: string
  taskDescription: string
  agentName: string
  createdAt: string
  status: string
  sessions?: Array<{ sessionId: string; status: string }>
}

function sessionText(record: LinkRecord): string {
  if (!record.sessions || record.sessions.length === 0) return '—'
  return record.sessions.some((session) => session.status === 'active') ? 'Active' : 'Ended'
}

async function call(path: string, method: 'GET' | 'POST'): Promise<{ ok: boolean; data: Record<string, unknown> }> {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: { Accept: 'application/json', ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}) },
  })
  const data = await response.json().catch(() => ({ title: `HTTP ${response.status}` }))
  return { ok: response.ok, data }
}

/** `version` changes whenever the panel minted or revoked a link, to reload the list. */
export function MyAgentLinks({ version, onProblem }: { version: number; onProblem: (problem: Problem | undefined) => void }) {
  const [records, setRecords] = useState<LinkRecord[]>([])
  const [summary, setSummary] = useState('')

  const load = useCallback(async () => {
    const { ok, data } = await call('', 'GET')
    if (ok) setRecords(data.data as LinkRecord[])
    else onProblem(data)
  }, [onProblem])

  useEffect(() => {
    void version
    void load()
  }, [load, version])

  async function revoke(agentTaskId: string) {
    const { ok, data } = await call(`/${encodeURIComponent(agentTaskId)}/revoke`, 'POST')
    onProblem(ok ? undefined : data)
    await load()
  }

  async function endAll() {
    const { ok, data } = await call('/revoke-all', 'POST')
    if (ok) {
      onProblem(undefined)
      setSummary(`Revoked ${data.revokedAgentTasks} unused link(s), ended ${data.endedSessions} agent session(s).`)
    } else {
      onProblem(data)
    }
    await load()
  }

  return (
    <section className="panel" aria-labelledby="my-links-title">
      <h2 id="my-links-title">My agent links</h2>
      <p>Every link you minted, and whether an agent is using it now. Revoking a used link ends the agent’s session.</p>
      <p className="toolbar">
        <button type="button" onClick={load}>
          Refresh
        </button>
        <button type="button" className="danger" onClick={endAll}>
          End all agent access
        </button>
      </p>
      <p id="ledger-status" role="status">
        {summary}
      </p>
      <table id="my-links" aria-label="My agent links">
        <thead>
          <tr>
            <th>Task</th>
            <th>Agent</th>
            <th>Created</th>
            <th>Status</th>
            <th>Session</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {records.map((record) => {
            const session = sessionText(record)
            return (
              <tr key={record.agentTaskId} data-agent-task-id={record.agentTaskId}>
                <td className="task">{record.taskDescription}</td>
                <td className="agent">{record.agentName}</td>
                <td className="created">{new Date(record.createdAt).toLocaleString()}</td>
                <td className="link-status">{STATUS_TEXT[record.status] ?? record.status}</td>
                <td className="link-session">{session}</td>
                <td>
                  {record.status === 'pending' || session === 'Active' ? (
                    <button type="button" onClick={() => revoke(record.agentTaskId)}>
                      {session === 'Active' ? 'End access' : 'Revoke'}
                    </button>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
