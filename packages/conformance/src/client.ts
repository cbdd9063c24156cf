/** A small HTTP client for the suite: every request is real HTTP on loopback. */
export interface CallOptions {
  method?: string
  /** Signs the request with `Authorization: Bearer`. */
  bearer?: string
  /** Signs the request with Clerk session cookies instead. */
  cookies?: string
  origin?: string | null
  secFetchSite?: string
  /** Sent as JSON unless `rawBody` is given. */
  json?: unknown
  rawBody?: string
  contentType?: string
  /** Any other headers, sent as they are. */
  headers?: Record<string, string>
}

export interface CallResult {
  status: number
  headers: Headers
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON
  body: any
}

export async function call(url: string, options: CallOptions = {}): Promise<CallResult> {
  const headers = new Headers({ Accept: 'application/json' })
  if (options.bearer) headers.set('Authorization', `Bearer ${options.bearer}`)
  if (options.cookies) headers.set('Cookie', options.cookies)
  if (options.origin) headers.set('Origin', options.origin)
  if (options.secFetchSite) headers.set('Sec-Fetch-Site', options.secFetchSite)
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value)
  let body: string | undefined
  if (options.rawBody !== undefined) body = options.rawBody
  else if (options.json !== undefined) body = JSON.stringify(options.json)
  if (body !== undefined) headers.set('Content-Type', options.contentType ?? 'application/json')
  else if (options.contentType) headers.set('Content-Type', options.contentType)
  const response = await fetch(url, { method: options.method ?? 'POST', headers, redirect: 'manual', ...(body === undefined ? {} : { body }) })
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {
    parsed = undefined
  }
  return { status: response.status, headers: response.headers, text, body: parsed }
}

/** Clerk session cookies for a session token, as a browser holding them would send. */
export function sessionCookies(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat: number }
  return `__session=${token}; __client_uat=${payload.iat}; __clerk_db_jwt=dvb_conformance`
}
