import { describe, expect, it } from 'vitest'
import { checkUser, pickWorkerUser, resolveClerkConnection, resolveLinkOptions, resolveRedirectUrl } from '../src/config.js'
import { AgentTaskSignInError } from '../src/errors.js'

const testKey = 'sk_test_abcdefghijklmnopqrstuvwxyz'
const liveKey = 'sk_live_abcdefghijklmnopqrstuvwxyz'

function errorOf(fn: () => unknown): AgentTaskSignInError {
  try {
    fn()
  } catch (error) {
    if (error instanceof AgentTaskSignInError) return error
    throw error
  }
  throw new Error('expected an AgentTaskSignInError')
}

describe('resolveClerkConnection', () => {
  it('reads CLERK_SECRET_KEY and CLERK_API_URL from the environment', () => {
    expect(resolveClerkConnection({}, { CLERK_SECRET_KEY: testKey, CLERK_API_URL: 'http://127.0.0.1:4010' })).toEqual({
      secretKey: testKey,
      apiUrl: 'http://127.0.0.1:4010',
      instance: 'development',
    })
  })

  it('prefers options over the environment', () => {
    const env = { CLERK_SECRET_KEY: 'sk_test_fromenv', CLERK_API_URL: 'http://127.0.0.1:1' }
    expect(resolveClerkConnection({ secretKey: testKey, apiUrl: 'http://127.0.0.1:2' }, env)).toMatchObject({
      secretKey: testKey,
      apiUrl: 'http://127.0.0.1:2',
    })
  })

  it('leaves apiUrl unset (Clerk’s API) when neither option nor env gives one', () => {
    expect(resolveClerkConnection({ secretKey: testKey }, { CLERK_API_URL: '' }).apiUrl).toBeUndefined()
  })

  it('explains a missing key', () => {
    const error = errorOf(() => resolveClerkConnection({}, {}))
    expect(error.code).toBe('missing_secret_key')
    expect(error.message).toContain('CLERK_SECRET_KEY')
  })

  it('rejects something that is not a secret key, without echoing it', () => {
    const error = errorOf(() => resolveClerkConnection({ secretKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k' }, {}))
    expect(error.code).toBe('invalid_secret_key')
    expect(error.message).not.toContain('Y2xlcmsuZXhhbXBsZS5jb20k')
  })

  it('refuses a live key by default, with the way out, without echoing the key', () => {
    for (const options of [{ secretKey: liveKey }, {}]) {
      const error = errorOf(() => resolveClerkConnection(options, { CLERK_SECRET_KEY: liveKey }))
      expect(error.code).toBe('live_key_refused')
      expect(error.message).toContain('allowLiveKeys: true')
      expect(error.message).toContain('AGENT_TASKS_ALLOW_LIVE_KEYS=1')
      expect(error.message).not.toContain(liveKey)
    }
  })

  it('accepts a live key with allowLiveKeys or AGENT_TASKS_ALLOW_LIVE_KEYS=1', () => {
    expect(resolveClerkConnection({ secretKey: liveKey, allowLiveKeys: true }, {}).instance).toBe('production')
    expect(resolveClerkConnection({ secretKey: liveKey }, { AGENT_TASKS_ALLOW_LIVE_KEYS: '1' }).instance).toBe('production')
    expect(resolveClerkConnection({ secretKey: liveKey }, { AGENT_TASKS_ALLOW_LIVE_KEYS: 'true' }).instance).toBe('production')
  })

  it('lets the option override the env switch in both directions', () => {
    const error = errorOf(() => resolveClerkConnection({ secretKey: liveKey, allowLiveKeys: false }, { AGENT_TASKS_ALLOW_LIVE_KEYS: '1' }))
    expect(error.code).toBe('live_key_refused')
    expect(errorOf(() => resolveClerkConnection({ secretKey: liveKey }, { AGENT_TASKS_ALLOW_LIVE_KEYS: '0' })).code).toBe(
      'live_key_refused',
    )
  })

  it('rejects an apiUrl that is not http(s)', () => {
    expect(errorOf(() => resolveClerkConnection({ secretKey: testKey, apiUrl: 'api.clerk.com' }, {})).code).toBe('invalid_option')
  })
})

describe('resolveRedirectUrl', () => {
  it('resolves a path against baseURL', () => {
    expect(resolveRedirectUrl('/dashboard', 'http://127.0.0.1:3000').href).toBe('http://127.0.0.1:3000/dashboard')
  })

  it('keeps an absolute URL, and defaults to baseURL', () => {
    expect(resolveRedirectUrl('http://127.0.0.1:4000/x', 'http://127.0.0.1:3000').href).toBe('http://127.0.0.1:4000/x')
    expect(resolveRedirectUrl(undefined, 'http://127.0.0.1:3000').href).toBe('http://127.0.0.1:3000/')
  })

  it('explains what to set when there is nothing to resolve against', () => {
    expect(errorOf(() => resolveRedirectUrl(undefined, undefined)).message).toContain('baseURL')
    expect(errorOf(() => resolveRedirectUrl('/dashboard', undefined)).code).toBe('invalid_option')
    expect(errorOf(() => resolveRedirectUrl('javascript:alert(1)', undefined)).code).toBe('invalid_option')
  })
})

describe('resolveLinkOptions', () => {
  it('defaults to a one-hour session', () => {
    expect(resolveLinkOptions({})).toEqual({
      agentName: 'playwright',
      taskDescription: 'Playwright sign-in',
      sessionMaxDurationInSeconds: 3600,
      timeoutMs: 30_000,
    })
  })

  it('takes overrides and ignores undefined ones', () => {
    expect(resolveLinkOptions({ sessionMaxDurationInSeconds: 7200, agentName: undefined })).toMatchObject({
      sessionMaxDurationInSeconds: 7200,
      agentName: 'playwright',
    })
  })

  it('rejects bad values', () => {
    expect(errorOf(() => resolveLinkOptions({ sessionMaxDurationInSeconds: 0 })).message).toContain('sessionMaxDurationInSeconds')
    expect(errorOf(() => resolveLinkOptions({ timeoutMs: 1.5 })).message).toContain('timeoutMs')
    expect(errorOf(() => resolveLinkOptions({ agentName: ' ' })).message).toContain('agentName')
  })
})

describe('users', () => {
  it('accepts exactly one of userId / identifier', () => {
    expect(checkUser({ userId: 'user_1' })).toEqual({ userId: 'user_1' })
    expect(checkUser({ identifier: 'ada@example.com' })).toEqual({ identifier: 'ada@example.com' })
    expect(errorOf(() => checkUser({ userId: 'user_1', identifier: 'ada@example.com' })).code).toBe('invalid_option')
    expect(errorOf(() => checkUser({})).code).toBe('invalid_option')
    expect(errorOf(() => checkUser('ada@example.com')).code).toBe('invalid_option')
  })

  it('picks per worker with a function, and passes { create } through', () => {
    const pick = ({ parallelIndex }: { parallelIndex: number }) => ({ identifier: `e2e-${parallelIndex}@example.com` })
    expect(pickWorkerUser(pick, { workerIndex: 7, parallelIndex: 1 })).toEqual({ identifier: 'e2e-1@example.com' })
    expect(pickWorkerUser({ create: true }, { workerIndex: 0, parallelIndex: 0 })).toEqual({ create: true })
    expect(pickWorkerUser(() => ({ create: { username: 'w0' } }), { workerIndex: 0, parallelIndex: 0 })).toEqual({
      create: { username: 'w0' },
    })
  })
})
