// "Waiting for your approval": agents' requests the agent policy asks you about, with Approve and
// Decline, through the adapter's routes (same-origin, so the session cookies authenticate them).
const API = '/api/agent-tasks/approvals'
const list = document.getElementById('approvals')
const empty = document.getElementById('approvals-empty')
const template = document.getElementById('approval-template')
const errorBox = document.getElementById('panel-error')

function showError(problem) {
  errorBox.textContent = problem ? `${problem.title ?? 'Error'}: ${problem.detail ?? ''}` : ''
  errorBox.hidden = !problem
}

async function answer(approvalId, verb) {
  const response = await fetch(`${API}/${encodeURIComponent(approvalId)}/${verb}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  })
  showError(response.ok ? undefined : await response.json().catch(() => ({ title: `HTTP ${response.status}` })))
  await loadApprovals()
}

function approvalItem(request) {
  const item = template.content.firstElementChild.cloneNode(true)
  item.dataset.approvalId = request.id
  item.querySelector('.approval-method').textContent = request.method
  item.querySelector('.approval-path').textContent = request.path
  item.querySelector('.approval-when').textContent = new Date(request.createdAt).toLocaleString()
  for (const verb of ['approve', 'decline']) {
    const button = item.querySelector(`.${verb}`)
    button.addEventListener('click', () => {
      button.disabled = true
      return answer(request.id, verb)
    })
  }
  return item
}

async function loadApprovals() {
  const response = await fetch(API, { headers: { Accept: 'application/json' } })
  const data = await response.json().catch(() => ({ title: `HTTP ${response.status}` }))
  if (!response.ok) return showError(data)
  list.replaceChildren(...data.data.map(approvalItem))
  empty.hidden = data.data.length > 0
}

document.getElementById('refresh-approvals').addEventListener('click', loadApprovals)
loadApprovals()
