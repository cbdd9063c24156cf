import type { IncomingMessage } from 'node:http'
import { errors } from '../../http/errors.js'
import { parseJsonObject, readText } from '../../http/io.js'

/** clerk-js posts `application/x-www-form-urlencoded`; JSON bodies (e.g. from tests) are accepted too. */
export async function readFapiBody(req: IncomingMessage): Promise<Map<string, string>> {
  const text = await readText(req)
  const out = new Map<string, string>()
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    for (const [key, value] of Object.entries(parseJsonObject(text))) if (value !== undefined && value !== null) out.set(key, String(value))
    return out
  }
  for (const [key, value] of new URLSearchParams(text)) out.set(key, value)
  return out
}

export function requireParam(body: Map<string, string>, name: string): string {
  const value = body.get(name)
  if (value === undefined || value === '') throw errors.paramMissing(name)
  return value
}
