// The agent-access panel: mints, lists and revokes links through the adapter's routes. Requests are
// same-origin, so the browser's session cookies authenticate them.
const API = '/api/agent-tasks'
const form = document.getElementById('mint-form')
const list = document.getElementById('links')
const template = document.getElementById('link-template')
const errorBox = document.getElementById('panel-error')

function showError(problem) {
  errorBox.textContent = problem ? `${problem.title ?? 'Error'}: ${problem.detail ?? ''}` : ''
  errorBox.hidden = !problem
}

async function post(path, body) {
  const response = await fetch(`${API}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await response.json().catch(() => ({ title: `HTTP ${response.status}` }))
  return { ok: response.ok, data }
}

function addLink(agentTask) {
  const item = template.content.firstElementChild.cloneNode(true)
  item.dataset.agentTaskId = agentTask.agentTaskId
  item.querySelector('.description').textContent = agentTask.taskDescription
  item.querySelector('.url').value = agentTask.url
  const state = item.querySelector('.state')
  item.querySelector('.copy').addEventListener('click', async () => {
    await navigator.clipboard?.writeText(agentTask.url).catch(() => {})
    item.querySelector('.url').select()
    state.textContent = 'Copied'
  })
  const revoke = item.querySelector('.revoke')
  revoke.addEventListener('click', async () => {
    revoke.disabled = true
    const { ok, data } = await post(`/${encodeURIComponent(agentTask.agentTaskId)}/revoke`)
    if (ok) {
      state.textContent = 'Revoked'
      item.querySelector('.url').value = ''
      showError(undefined)
      if (ledger) await loadLedger()
    } else {
      revoke.disabled = false
      showError(data)
    }
  })
  list.prepend(item)
}

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  const fields = new FormData(form)
  const scope = String(fields.get('scope') ?? '')
  const { ok, data } = await post('', {
    taskDescription: String(fields.get('taskDescription')),
    sessionMaxDurationInSeconds: Number(fields.get('sessionMaxDurationInSeconds')),
    redirectUrl: '/dashboard',
    ...(scope === '' ? {} : { scope }),
  })
  if (ok) {
    showError(undefined)
    addLink(data.agentTask)
    if (ledger) await loadLedger()
  } else {
    showError(data)
  }
})

// "My agent links": every link I minted, as Clerk shows it now (used, and whether its session is
// still active), with revoke on each (for a used link, it ends the agent's session) and a kill switch.
const ledger = document.getElementById('my-links')
const ledgerStatus = document.getElementById('ledger-status')
const STATUS_TEXT = { pending: 'Pending', used: 'Used', revoked: 'Revoked', expired: 'Expired' }

function sessionText(record) {
  if (!record.sessions || record.sessions.length === 0) return '—'
  return record.sessions.some((session) => session.status === 'active') ? 'Active' : 'Ended'
}

function ledgerRow(record) {
  const row = document.createElement('tr')
  row.dataset.agentTaskId = record.agentTaskId
  const cells = [
    ['task', record.taskDescription],
    ['agent', record.agentName],
    ['created', new Date(record.createdAt).toLocaleString()],
    ['link-status', STATUS_TEXT[record.status] ?? record.status],
    ['link-session', sessionText(record)],
  ]
  for (const [name, text] of cells) {
    const cell = document.createElement('td')
    cell.className = name
    cell.textContent = text
    row.append(cell)
  }
  const actions = document.createElement('td')
  const active = sessionText(record) === 'Active'
  if (record.status === 'pending' || active) {
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = active ? 'End access' : 'Revoke'
    button.addEventListener('click', async () => {
      button.disabled = true
      const { ok, data } = await post(`/${encodeURIComponent(record.agentTaskId)}/revoke`)
      showError(ok ? undefined : data)
      await loadLedger()
    })
    actions.append(button)
  }
  row.append(actions)
  return row
}

async function loadLedger() {
  const response = await fetch(API, { headers: { Accept: 'application/json' } })
  const data = await response.json().catch(() => ({ title: `HTTP ${response.status}` }))
  if (!response.ok) return showError(data)
  ledger.tBodies[0].replaceChildren(...data.data.map(ledgerRow))
}

// Absent from agent sessions' pages: they may not list or end anything.
if (ledger) {
  document.getElementById('refresh-links').addEventListener('click', loadLedger)
  document.getElementById('end-all').addEventListener('click', endAll)
  loadLedger()
}

async function endAll() {
  const { ok, data } = await post('/revoke-all')
  if (ok) {
    showError(undefined)
    ledgerStatus.textContent = `Revoked ${data.revokedAgentTasks} unused link(s), ended ${data.endedSessions} agent session(s).`
  } else {
    showError(data)
  }
  await loadLedger()
}
