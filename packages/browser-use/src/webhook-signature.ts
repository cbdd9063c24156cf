import { createHmac, timingSafeEqual } from 'node:crypto'

/** Compares by Unicode code point, as Python's `sort_keys` does (JavaScript's `sort()` compares UTF-16 units). */
function byCodePoint(a: string, b: string): number {
  const left = Array.from(a)
  const right = Array.from(b)
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = (left[i] as string).codePointAt(0)! - (right[i] as string).codePointAt(0)!
    if (difference !== 0) return difference
  }
  return left.length - right.length
}

const escapeOutsideAscii = (json: string) => json.replace(/[\u007f-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)

/**
 * JSON with keys sorted at every level and no whitespace, in one of two forms. `ascii` is Python's
 * `json.dumps(value, sort_keys=True, separators=(',', ':'))`: keys sorted by code point, every
 * character outside printable ASCII escaped as `\uXXXX` (astral ones as a surrogate pair;
 * `ensure_ascii=True` is Python's default). `utf8` is JavaScript's sorted `JSON.stringify` (as
 * `fast-json-stable-stringify` writes it): keys sorted by UTF-16 unit, text as is. Strings, integers,
 * booleans and null serialize alike in both languages; Browser Use's events hold no other kind.
 */
export function canonicalJson(value: unknown, form: 'ascii' | 'utf8'): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, form)).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const entries = Object.keys(record)
      .sort(form === 'ascii' ? byCodePoint : undefined)
      .map((key) => `${canonicalJson(key, form)}:${canonicalJson(record[key], form)}`)
    return `{${entries.join(',')}}`
  }
  const json = JSON.stringify(value)
  return form === 'ascii' ? escapeOutsideAscii(json) : json
}

/**
 * Whether `signatureHex` is the HMAC-SHA256 of `"<timestamp>.<canonical JSON of event>"`, compared in
 * constant time. Browser Use's documented signer and verifier are Python's `json.dumps(sort_keys=True,
 * separators=(',', ':'))`, which escapes non-ASCII; a signer that writes UTF-8 as is (JavaScript's
 * `JSON.stringify` of sorted keys) is accepted too. The two forms differ only when the event holds non-ASCII text.
 */
export function verifyWebhookSignature(secret: string, timestamp: string, event: unknown, signatureHex: string): boolean {
  const given = Buffer.from(signatureHex, 'hex')
  const matches = (form: 'ascii' | 'utf8') => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${canonicalJson(event, form)}`).digest()
    return expected.length === given.length && timingSafeEqual(expected, given)
  }
  const ascii = matches('ascii')
  const utf8 = matches('utf8')
  return ascii || utf8
}
