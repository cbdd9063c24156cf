import { describe, expect, it } from 'vitest'
import { decodeSessionToken } from '../src/session-cookie.js'

const jwt = (payload: object) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2lnbmF0dXJl`

describe('decodeSessionToken', () => {
  it('reads sid, sub, exp and act', () => {
    expect(decodeSessionToken(jwt({ sid: 'sess_1', sub: 'user_1', exp: 10, act: { type: 'agent' } }))).toEqual({
      sid: 'sess_1',
      sub: 'user_1',
      exp: 10,
      act: { type: 'agent' },
    })
  })

  it('returns undefined for anything that is not a session token', () => {
    expect(decodeSessionToken('not-a-jwt')).toBeUndefined()
    expect(decodeSessionToken(jwt({ sub: 'user_1' }))).toBeUndefined()
    expect(decodeSessionToken('a.!!!.c')).toBeUndefined()
  })
})
