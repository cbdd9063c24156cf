import type { GuardRefusal } from '../policy/guard-decision.js'
import type { ContractResponse } from './contract.js'

const PROBLEM_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Type': 'application/problem+json; charset=utf-8',
}
// The page has no script, style or image: nothing may load, and nobody may frame it.
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string)
}

/**
 * The answer to a request the guard refused: the problem document as `application/problem+json` for
 * an API request, a small HTML page for a page navigation. `method` and `path` are what was refused.
 */
export function guardRefusalResponse(refusal: GuardRefusal, method: string, path: string): ContractResponse {
  if (refusal.kind === 'api') return { status: refusal.status, headers: { ...PROBLEM_HEADERS }, body: JSON.stringify(refusal.problem) }
  return { status: refusal.status, headers: { ...PAGE_HEADERS }, body: refusalPage(refusal, method, path) }
}

function refusalPage(refusal: GuardRefusal, method: string, path: string): string {
  const { problem } = refusal
  const request = `<p>Refused: <code>${escapeHtml(`${method.toUpperCase()} ${path.split(/[?#]/)[0] ?? ''}`)}</code></p>`
  const next =
    problem.approval !== undefined
      ? `<p>The person this agent acts for can approve it in the app (approval request <code>${escapeHtml(problem.approval.id)}</code>, waiting until ${escapeHtml(problem.approval.expiresAt)}). Retry after they do.</p>`
      : refusal.status === 503
        ? '<p>Nothing was let through. Try again shortly.</p>'
        : '<p>The person this agent acts for can do this themselves.</p>'
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(problem.title)}</title></head>`,
    `<body><main><h1>${escapeHtml(problem.title)}</h1>`,
    `<p>${escapeHtml(problem.detail)}</p>`,
    request,
    next,
    '</main></body></html>',
  ].join('\n')
}
