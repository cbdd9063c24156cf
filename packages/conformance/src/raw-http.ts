import { connect } from 'node:net'

export interface RawResult {
  status: number
  /** The whole response as received: status line, headers and body. */
  text: string
}

/**
 * Sends bytes `fetch` refuses to send (a malformed `Host`, an absolute-form request line) on a fresh
 * connection, and reads until the server closes it or `timeoutMs` passes.
 */
export function rawRequest(origin: string, head: string, body = '', timeoutMs = 5_000): Promise<RawResult> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    let text = ''
    const timer = setTimeout(() => socket.destroy(), timeoutMs)
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      text += chunk
    })
    socket.on('error', reject)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text })
    })
    socket.write(`${head.replace(/\n/g, '\r\n')}\r\nConnection: close\r\n\r\n${body}`)
  })
}

/** Opens a request that declares `declared` bytes of body, sends `sent`, and keeps the connection open. */
export function slowRequest(
  origin: string,
  path: string,
  headers: Record<string, string>,
  declared: number,
  sent: string,
): { response: Promise<RawResult & { afterMs: number }>; abort(): void } {
  const { hostname, port } = new URL(origin)
  const started = Date.now()
  const socket = connect(Number(port), hostname)
  let text = ''
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => {
    text += chunk
  })
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
  socket.write([`POST ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, `Content-Length: ${declared}`, ...lines, '', sent].join('\r\n'))
  const response = new Promise<RawResult & { afterMs: number }>((resolve) => {
    const done = () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text, afterMs: Date.now() - started })
    socket.on('data', () => {
      if (/\r\n\r\n/.test(text)) {
        done()
        socket.destroy()
      }
    })
    socket.on('close', done)
    socket.on('error', done)
  })
  return { response, abort: () => socket.destroy() }
}
