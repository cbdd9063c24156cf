import { describe, expect, it } from 'vitest'
import { withCleanups } from '../src/access.js'

// The worker fixture's shape: whatever fails after the link was used (storageState(), context.close()),
// the sign-in is still disposed.
describe('withCleanups', () => {
  it('runs every cleanup when the work fails, and the work’s error wins', async () => {
    const ran: string[] = []
    const work = async () => {
      throw new Error('storageState: Target page, context or browser has been closed')
    }
    const result = withCleanups(work, [
      async () => {
        ran.push('dispose')
        throw new Error('revoking session sess_1 failed')
      },
      async () => {
        ran.push('delete user')
      },
    ])
    await expect(result).rejects.toThrow(/storageState: Target page.*\nAlso: revoking session sess_1 failed/s)
    expect(ran).toEqual(['dispose', 'delete user'])
  })

  it('runs the cleanups after work that succeeded, and throws their failure', async () => {
    const ran: string[] = []
    await expect(withCleanups(async () => 'ok', [async () => void ran.push('dispose')])).resolves.toBe('ok')
    await expect(
      withCleanups(async () => 'ok', [
        async () => {
          throw new Error('cleanup failed')
        },
      ]),
    ).rejects.toThrow('cleanup failed')
    expect(ran).toEqual(['dispose'])
  })
})
