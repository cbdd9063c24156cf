import { type AgentTaskErrorCode, redactCredentials } from '@agent-tasks/core'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'

/** An `AgentTaskError`, recognised by shape: the app's adapter may bring its own copy of `@agent-tasks/core`. */
interface AgentTaskErrorShape {
  name: 'AgentTaskError'
  code: AgentTaskErrorCode
  status: number
  message: string
  fields?: ReadonlyArray<{ field: string; message: string }>
  retryAfterSeconds?: number | undefined
}

function isAgentTaskErrorShape(error: unknown): error is AgentTaskErrorShape {
  return error instanceof Error && error.name === 'AgentTaskError' && typeof (error as { code?: unknown }).code === 'string'
}

/** What an MCP client reads of a refusal besides the text: in `_meta`, as structured content is for successes only. */
export interface BrowserSessionToolErrorMeta {
  code: AgentTaskErrorCode
  /** The HTTP status the same refusal has on the instance's HTTP route. */
  status: number
  fields: Array<{ field: string; message: string }>
  retryAfterSeconds?: number
}

/**
 * A refusal as an MCP tool error (`isError: true`) the agent can read: the error's message and the
 * fields it names, then its code, e.g. `Invalid request: check redirectUrl. (redirectUrl: …) [invalid_request]`.
 * Messages pass through `redactCredentials`; anything that is not an `AgentTaskError` is logged once
 * (redacted) and answered as `internal_error` without its details.
 */
export function toolError(error: unknown): CallToolResult {
  if (!isAgentTaskErrorShape(error)) {
    const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)
    console.error(`[agent-tasks] create_browser_session: unexpected error: ${redactCredentials(detail)}`)
    return answerError({ code: 'internal_error', status: 500, fields: [] }, 'Something went wrong while minting the link.')
  }
  const fields = (error.fields ?? []).map((f) => ({ field: f.field, message: redactCredentials(f.message) }))
  const detail = fields.length > 0 ? ` (${fields.map((f) => `${f.field}: ${f.message}`).join('; ')})` : ''
  const retry = error.retryAfterSeconds === undefined ? '' : ` Retry after ${error.retryAfterSeconds} s.`
  const meta: BrowserSessionToolErrorMeta = {
    code: error.code,
    status: error.status,
    fields,
    ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
  }
  return answerError(meta, `${redactCredentials(error.message)}${detail}${retry}`)
}

function answerError(meta: BrowserSessionToolErrorMeta, text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: `${text} [${meta.code}]` }], _meta: { agentTaskError: meta } }
}
