import type { Billing } from './billing.ts'
import { escapeHtml, layout } from './html.ts'

/** Where Clerk's `<UserButton />` mounts (`clerk-ui.js`): the header of a signed-in page. */
const USER_BUTTON = '<div id="clerk-user-button" class="user-button"></div>'

export function homePage(options: { signedIn: boolean; clerkScripts: string }): string {
  const action = options.signedIn
    ? '<a class="button" href="/dashboard">Go to your dashboard</a>'
    : '<a class="button" href="/sign-in">Sign in</a>'
  return layout(
    'Agent Tasks — Fastify sample',
    `<header><strong>Agent Tasks sample</strong><span class="header-end"><span class="status" data-testid="auth-status">${options.signedIn ? 'Signed in' : 'Signed out'}</span>${options.signedIn ? USER_BUTTON : ''}</span></header>
<main>
  <h1>Give an agent a signed-in browser</h1>
  <p>This Fastify app mints one-time Clerk <em>agent task</em> links with <code>@agent-tasks/fastify</code>.
  Opening a link signs its user in and lands on the dashboard — no login form.</p>
  ${action}
</main>`,
    options.clerkScripts,
  )
}

/** `/sign-in`: Clerk's `<SignIn />` (hash routing, the default for clerk-js: its steps stay on this page). */
export function signInPage(options: { clerkScripts: string }): string {
  return layout(
    'Sign in — Agent Tasks sample',
    `<header><strong>Agent Tasks sample</strong><a href="/">Home</a></header>
<main>
  <div id="clerk-sign-in" class="sign-in"></div>
</main>`,
    options.clerkScripts,
  )
}

export interface DashboardView {
  displayName: string
  email: string | undefined
  isAgentSession: boolean
  agentId: string | undefined
  clerkScripts: string
}

/** Agents' requests the policy asks me about (an agent session may not answer them, so it is left out there). */
const APPROVALS = `<section class="panel" aria-labelledby="approvals-title">
    <h2 id="approvals-title">Waiting for your approval</h2>
    <p>Your agents asked to do these; the agent policy keeps them for you. Approving lets the agent retry that request for 5 minutes.</p>
    <p class="toolbar"><button type="button" id="refresh-approvals">Refresh</button></p>
    <ul id="approvals" aria-label="Waiting for your approval"></ul>
    <p id="approvals-empty">Nothing is waiting.</p>
  </section>
<template id="approval-template">
  <li class="approval-item">
    <code><span class="approval-method"></span> <span class="approval-path"></span></code>
    <span class="approval-when"></span>
    <button type="button" class="approve">Approve</button>
    <button type="button" class="decline danger">Decline</button>
  </li>
</template>
<script type="module" src="/static/approvals.js"></script>`

/** The ledger of my links; an agent session may not list or end anything, so it is left out there. */
const MY_LINKS = `<section class="panel" aria-labelledby="my-links-title">
    <h2 id="my-links-title">My agent links</h2>
    <p>Every link you minted, and whether an agent is using it now. Revoking a used link ends the agent’s session.</p>
    <p class="toolbar">
      <button type="button" id="refresh-links">Refresh</button>
      <button type="button" id="end-all" class="danger">End all agent access</button>
    </p>
    <p id="ledger-status" role="status"></p>
    <table id="my-links" aria-label="My agent links">
      <thead><tr><th>Task</th><th>Agent</th><th>Created</th><th>Status</th><th>Session</th><th></th></tr></thead>
      <tbody></tbody>
    </table>
  </section>`

export function dashboardPage(view: DashboardView): string {
  const agentBanner = view.isAgentSession
    ? `<p class="banner agent" data-testid="agent-session">You are in an <strong>agent session</strong>${
        view.agentId ? ` (agent <code>${escapeHtml(view.agentId)}</code>)` : ''
      }, opened through an agent-task link. Agent sessions cannot mint new links.</p>`
    : ''
  return layout(
    'Dashboard — Agent Tasks sample',
    `<header><strong>Welcome, ${escapeHtml(view.displayName)}</strong>${USER_BUTTON}</header>
<main>
  ${agentBanner}
  <h1>Dashboard</h1>
  <p>Signed in as ${escapeHtml(view.email ?? view.displayName)}. <a href="/billing">Billing</a></p>
  <section class="panel" aria-labelledby="agent-access">
    <h2 id="agent-access">Agent access</h2>
    <p>Mint a one-time link that signs an agent in as you and lands here. Treat it like a password.</p>
    <form id="mint-form">
      <label>What should the agent do?
        <input name="taskDescription" required maxlength="500" value="Check my dashboard">
      </label>
      <label>Session length
        <select name="sessionMaxDurationInSeconds">
          <option value="300">5 minutes</option>
          <option value="900" selected>15 minutes</option>
          <option value="1800">30 minutes</option>
          <option value="3600">1 hour</option>
        </select>
      </label>
      <label>Scope
        <select name="scope">
          <option value="" selected>None: anything but what the policy keeps for you</option>
          <option value="read-only">read-only: look, never change</option>
        </select>
      </label>
      <button type="submit">Create link</button>
    </form>
    <p id="panel-error" class="error" role="alert" hidden></p>
    <ul id="links" aria-label="Links created on this page"></ul>
  </section>
${view.isAgentSession ? '' : APPROVALS + MY_LINKS}
</main>
<template id="link-template">
  <li class="link-item">
    <span class="description"></span>
    <input class="url" readonly aria-label="Agent link">
    <button type="button" class="copy">Copy</button>
    <button type="button" class="revoke">Revoke</button>
    <span class="state" role="status">Active</span>
  </li>
</template>
<script type="module" src="/static/agent-panel.js"></script>`,
    view.clerkScripts,
  )
}

/** `/billing`: a person's page; the agent policy keeps agents out until the person approves. */
export function billingPage(billing: Billing, clerkScripts: string): string {
  return layout(
    'Billing — Agent Tasks sample',
    `<header><strong>Billing</strong><span class="header-end"><a href="/dashboard">Back to the dashboard</a>${USER_BUTTON}</span></header>
<main>
  <h1>Billing</h1>
  <p>Plan: <strong data-testid="billing-plan">${escapeHtml(billing.plan)}</strong></p>
  <p>Next invoice: ${escapeHtml(billing.nextInvoice.amount)} on ${escapeHtml(billing.nextInvoice.date)}</p>
</main>`,
    clerkScripts,
  )
}
