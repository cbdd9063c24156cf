import { describe, expect, it } from 'vitest'
import { AgentTaskSignInError } from '../src/errors.js'
import { LiveAccessRegistry } from '../src/live-access.js'

function later<T>(value: T, ms: number): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms))
}

describe('LiveAccessRegistry', () => {
  it('endAll waits for a creation in flight, then ends what it created, newest first', async () => {
    const registry = new LiveAccessRegistry()
    const ended: string[] = []
    const end = async (what: string) => {
      ended.push(what)
    }
    const attempt = registry.attempt(async (a) => {
      await a.mint(() => later('user', 1), end)
      await a.mint(() => later('link', 50), end) // still in flight when the worker ends
      a.throwIfInterrupted()
      return 'signed in'
    })
    await later(undefined, 10)
    await registry.endAll()
    expect(ended).toEqual(['link', 'user'])
    await expect(attempt).rejects.toMatchObject({ code: 'interrupted' })
    expect(registry.size).toEqual({ held: 0, attempts: 0 })
  })

  it('refuses new sign-ins once the worker is ending, until it is opened again', async () => {
    const registry = new LiveAccessRegistry()
    await registry.endAll()
    await expect(registry.attempt(async () => 'x')).rejects.toBeInstanceOf(AgentTaskSignInError)
    registry.open()
    await expect(registry.attempt(async () => 'x')).resolves.toBe('x')
  })

  it('interrupting closes what an attempt opened and ends only what attempts in progress minted', async () => {
    const registry = new LiveAccessRegistry()
    const ended: string[] = []
    const end = async (what: string) => {
      ended.push(what)
    }
    await registry.attempt(async (a) => {
      await a.mint(async () => 'handed-over session', end)
    })
    let closed = false
    const inProgress = registry.attempt(async (a) => {
      await a.mint(async () => 'pending link', end)
      a.onInterrupt(async () => {
        closed = true
      })
      await later(undefined, 5_000) // a navigation the interrupt cuts short
    })
    await later(undefined, 5)
    await registry.interruptAttempts(100)
    expect(closed).toBe(true)
    expect(ended).toEqual(['pending link'])
    expect(registry.size.held).toBe(1)
    await registry.endAll(100)
    expect(ended).toEqual(['pending link', 'handed-over session'])
    void inProgress.catch(() => undefined)
  })

  it('end() is shared by concurrent callers, and retried after a failure', async () => {
    const registry = new LiveAccessRegistry()
    let calls = 0
    const held = registry.hold(async () => {
      calls += 1
      if (calls === 1) throw new Error('Clerk is down')
    })
    const [first, second] = await Promise.allSettled([held.end(), held.end()])
    expect(first.status).toBe('rejected')
    expect(second.status).toBe('rejected')
    expect(calls).toBe(1)
    expect(registry.size.held).toBe(1)
    await held.end()
    expect(calls).toBe(2)
    expect(registry.size.held).toBe(0)
  })
})
