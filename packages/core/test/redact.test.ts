import { describe, expect, it } from 'vitest'
import { redactCredentials } from '../src/index.js'

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJl'

describe('redactCredentials', () => {
  it.each([
    ['a ticket in a query', 'https://a.example/v1/tickets/accept?ticket=abc123&x=1', 'https://a.example/v1/tickets/accept?ticket=[redacted]&x=1'],
    ['__clerk_ticket', 'https://app.example/sign-in?__clerk_ticket=abc123', 'https://app.example/sign-in?__clerk_ticket=[redacted]'],
    ['a handshake in a fragment', 'https://app.example/#__clerk_handshake=abc123', 'https://app.example/#__clerk_handshake=[redacted]'],
    ['an upper-case parameter name', 'https://app.example/?TICKET=abc123', 'https://app.example/?TICKET=[redacted]'],
    ['a token parameter', 'https://app.example/cb?token=abc123', 'https://app.example/cb?token=[redacted]'],
    ['a bare JWT', `session ${JWT} expired`, 'session [redacted] expired'],
    ['a secret key', 'key sk_test_abcdef123 refused', 'key [redacted] refused'],
    ['a webhook signing secret', 'secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw== refused', 'secret [redacted] refused'],
  ])('removes %s', (_name, text, expected) => {
    expect(redactCredentials(text)).toBe(expected)
  })

  it('removes each given secret wherever it appears, even inside other text', () => {
    const link = 'https://clerk.example/v1/agent-tasks/at_1/accept?t=opaque-value'
    expect(redactCredentials(`422: {"startUrl":"${link}"} is invalid`, [link])).toBe('422: {"startUrl":"[redacted]"} is invalid')
  })

  it('leaves ordinary text and empty secrets alone', () => {
    expect(redactCredentials('Header: Welcome, Ada', [''])).toBe('Header: Welcome, Ada')
  })
})
