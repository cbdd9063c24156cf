import { AgentTaskError } from '../errors.js'

// Past either limit the rest of the body is not read: closing the connection keeps the client from
// tying it up.
const CLOSE = { Connection: 'close' }

export function bodyTooLarge(maxBytes: number): AgentTaskError {
  return new AgentTaskError('payload_too_large', `The request body must be at most ${maxBytes} bytes.`, { headers: CLOSE })
}

export function bodyTooSlow(timeoutMs: number): AgentTaskError {
  return new AgentTaskError('request_timeout', `The request body did not arrive within ${timeoutMs} ms.`, { headers: CLOSE })
}

/** The client went away mid-body: nobody reads the answer, and it is not the server's fault. */
export function bodyCutOff(): AgentTaskError {
  return new AgentTaskError('invalid_request', 'The client closed the connection before the whole body arrived.', {
    fields: [{ field: '(body)', message: 'was cut off' }],
  })
}
