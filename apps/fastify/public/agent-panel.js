// The agent-access panel: mints and revokes links through the adapter's routes. Requests are
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
  const { ok, data } = await post('', {
    taskDescription: String(fields.get('taskDescription')),
    sessionMaxDurationInSeconds: Number(fields.get('sessionMaxDurationInSeconds')),
    redirectUrl: '/dashboard',
  })
  if (ok) {
    showError(undefined)
    addLink(data.agentTask)
  } else {
    showError(data)
  }
})
