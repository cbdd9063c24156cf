// "Send a browser agent": starts a run through /api/agent-runs, polls it, shows its steps and
// result, and stops it on request (the server ends the agent's access either way).
const form = document.getElementById('agent-run-form')
const stopButton = document.getElementById('agent-run-stop')
const statusLine = document.getElementById('agent-run-status')
const stepList = document.getElementById('agent-run-steps')
const outputBox = document.getElementById('agent-run-output')
const CLEANUP = { 'session-ended': 'its session was ended', 'link-revoked': 'its unused link was revoked', 'already-ended': 'its access had already ended' }
let current

function show(run) {
  statusLine.textContent =
    run.status === 'running'
      ? `Agent running… (${run.steps.length} step(s))`
      : `Agent ${run.status}${run.isSuccess === false ? ' (unsuccessful)' : ''}${run.cleanup ? `: ${CLEANUP[run.cleanup] ?? run.cleanup.failed}` : ''}${run.error ? `: ${run.error}` : ''}`
  stepList.replaceChildren(
    ...run.steps.map((step) => {
      const item = document.createElement('li')
      item.textContent = `${step.goal} — ${step.url}`
      return item
    }),
  )
  outputBox.hidden = run.output === null
  outputBox.textContent = run.output ?? ''
  stopButton.hidden = run.status !== 'running'
  form.querySelector('button[type=submit]').disabled = run.status === 'running'
}

async function follow(id) {
  for (;;) {
    const response = await fetch(`/api/agent-runs/${id}`, { headers: { Accept: 'application/json' } })
    const run = await response.json()
    if (!response.ok) {
      statusLine.textContent = run.detail ?? `HTTP ${response.status}`
      return
    }
    show(run)
    if (run.status !== 'running') return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  const response = await fetch('/api/agent-runs', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ task: String(new FormData(form).get('task')), startPage: String(new FormData(form).get('startPage')) }),
  })
  const run = await response.json()
  if (!response.ok) {
    statusLine.textContent = run.detail ?? `HTTP ${response.status}`
    return
  }
  current = run.id
  show(run)
  await follow(run.id)
})

stopButton.addEventListener('click', async () => {
  if (!current) return
  stopButton.disabled = true
  await fetch(`/api/agent-runs/${current}/stop`, { method: 'POST', headers: { Accept: 'application/json' } })
  stopButton.disabled = false
})
