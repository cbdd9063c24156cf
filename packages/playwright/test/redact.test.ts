import { describe, expect, it } from 'vitest'
import { describeUrl, redact } from '../src/redact.js'

const jwt = (payload: object) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2lnbmF0dXJl`

describe('redact', () => {
  it('removes given secrets, ticket and handshake parameters, JWTs and secret keys', () => {
    const link = 'http://127.0.0.1:4010/v1/agents/tasks?ticket=abc.def'
    const text = `navigating to "${link}" then http://app/?__clerk_handshake=xyz&__clerk_db_jwt=dvb_1&keep=1 ${jwt({ sid: 's' })} sk_test_123`
    const result = redact(text, [link])
    expect(result).not.toContain('abc.def')
    expect(result).not.toContain('xyz')
    expect(result).not.toContain('dvb_1')
    expect(result).not.toContain('eyJ')
    expect(result).not.toContain('sk_test_123')
    expect(result).toContain('keep=1')
  })

  it('redacts a ticket parameter even without knowing the link', () => {
    expect(redact('GET /v1/agents/tasks?ticket=opaque-123 failed')).toBe('GET /v1/agents/tasks?ticket=[redacted] failed')
  })

  it('describes a URL by origin and path only', () => {
    expect(describeUrl('http://127.0.0.1:3000/dashboard?__clerk_handshake=xyz#f')).toBe('http://127.0.0.1:3000/dashboard')
  })
})
