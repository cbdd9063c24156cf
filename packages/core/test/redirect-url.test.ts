import { describe, expect, it } from 'vitest'
import { checkRedirectUrl } from '../src/validation/redirect-url.js'

const policy = { allowedOrigins: ['https://app.example', 'http://127.0.0.1:3000'], baseOrigin: 'https://app.example' }

describe('checkRedirectUrl', () => {
  it.each([
    ['/dashboard', 'https://app.example/dashboard'],
    ['/a/b?c=d#e', 'https://app.example/a/b?c=d#e'],
    ['/path%20with%20space', 'https://app.example/path%20with%20space'],
    ['https://app.example/x', 'https://app.example/x'],
    ['HTTPS://APP.EXAMPLE/x', 'https://app.example/x'],
    ['https://app.example:443/x', 'https://app.example/x'],
    ['http://127.0.0.1:3000/', 'http://127.0.0.1:3000/'],
  ])('accepts %j as %j', (input, expected) => {
    expect(checkRedirectUrl(input, policy)).toEqual({ ok: true, url: expected })
  })

  it.each([
    '//evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '/%2f%2fevil.example',
    '/%252f%252fevil.example',
    '/%5cevil.example',
    '/%E0%A4%A',
    'https://evil.example/',
    'https://app.example.evil.example/',
    'https://app.example@evil.example/',
    'https://user:pass@app.example/',
    'http://app.example/',
    'http://127.0.0.1:3001/',
    'javascript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'https:app.example',
    'dashboard',
    '/a\tb',
    '/a%00b',
    `/${'a'.repeat(2048)}`,
    '',
  ])('refuses %j', (input) => {
    const result = checkRedirectUrl(input, policy)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.field).toBe('redirectUrl')
  })

  it('refuses a path when no origin is known', () => {
    expect(checkRedirectUrl('/x', { allowedOrigins: [], baseOrigin: undefined }).ok).toBe(false)
  })
})
