import { describe, expect, it } from 'vitest'
import { createAgentTasks } from '../src/index.js'

describe('createAgentTasks options', () => {
  it('needs a Clerk client or a secret key', () => {
    expect(() => createAgentTasks({})).toThrow(/clerkClient.*secretKey/)
  })

  it('refuses a malformed secret key without echoing it', () => {
    let message = ''
    try {
      createAgentTasks({ secretKey: 'super-secret-value' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/does not look like a Clerk secret key/)
    expect(message).not.toContain('super-secret-value')
  })

  it('checks origins and session bounds up front', () => {
    const secretKey = 'sk_test_abc'
    expect(() => createAgentTasks({ secretKey, redirect: { allowedOrigins: ['not a url'] } })).toThrow(/allowedOrigins/)
    expect(() => createAgentTasks({ secretKey, trustedOrigins: ['javascript:x'] })).toThrow(/trustedOrigins/)
    expect(() => createAgentTasks({ secretKey, session: { defaultSeconds: 7200 } })).toThrow(/defaultSeconds/)
    expect(() => createAgentTasks({ secretKey, clerkTimeoutMs: -1 })).toThrow(/clerkTimeoutMs/)
    expect(() => createAgentTasks({ secretKey, basePath: 'api' })).toThrow(/basePath/)
  })
})
