import { expect, it } from 'vitest'
import type { SuiteContext } from '../context.js'

export function createCases(ctx: () => SuiteContext): void {
  it('mints a single-use link for the signed-in user, in the seed examples’ response shape', async () => {
    const { app, request, ada, emulator } = ctx()
    const result = await request(app, '', {
      bearer: ada.token,
      json: { taskDescription: 'Check the invoices page', redirectUrl: '/dashboard', sessionMaxDurationInSeconds: 600 },
    })
    expect(result.status, result.text).toBe(201)
    expect(result.headers.get('content-type')).toMatch(/^application\/json/)
    expect(result.body.message).toBe('Agent Task created')
    const task = result.body.agentTask
    expect(task).toMatchObject({
      taskDescription: 'Check the invoices page',
      redirectUrl: `${app.origin}/dashboard`,
      sessionMaxDurationInSeconds: 600,
      onBehalfOf: { userId: ada.id },
    })
    expect(task.agentTaskId).toEqual(expect.any(String))
    expect(task.taskId).toBe(task.agentTaskId)
    expect(task.agentId).toEqual(expect.any(String))
    expect(task.url).toMatch(/^https?:\/\//)

    const stored = emulator.state.agentTasks().find((t) => t.id === task.agentTaskId)
    expect(stored).toMatchObject({
      userId: ada.id,
      status: 'pending',
      redirectUrl: `${app.origin}/dashboard`,
      sessionMaxDurationInSeconds: 600,
    })

    const first = await fetch(task.url, { redirect: 'manual' })
    expect(first.status).toBe(307)
    expect(first.headers.get('location')).toContain(`${app.origin}/dashboard`)
    const second = await fetch(task.url, { redirect: 'manual' })
    expect(second.status).toBe(400)
  })

  it('reports created links to the onCreated hook without the link itself', async () => {
    const { app, request, ada, events } = ctx()
    const result = await request(app, '', { bearer: ada.token, json: { taskDescription: 'hooked' } })
    expect(result.status).toBe(201)
    const created = events.find(
      (e) => e.hook === 'onCreated' && (e.event.record as { agentTaskId: string }).agentTaskId === result.body.agentTask.agentTaskId,
    )
    expect(created?.event.record).toMatchObject({ ownerUserId: ada.id, taskDescription: 'hooked', status: 'pending' })
    expect(JSON.stringify(created?.event.record)).not.toContain(result.body.agentTask.url)
  })
}
