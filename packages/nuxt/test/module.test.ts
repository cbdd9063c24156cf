import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadNuxt } from '@nuxt/kit'
import { afterAll, describe, expect, it } from 'vitest'

// The module as Nuxt loads it (the built one, from a real Nuxt instance; nothing is built or served).
const moduleEntry = fileURLToPath(new URL('../dist/module.js', import.meta.url))
// The module names its runtime files without extension, as Nuxt resolves them.
const defaultInstance = fileURLToPath(new URL('../dist/runtime/default-instance', import.meta.url))
const handler = fileURLToPath(new URL('../dist/runtime/handler', import.meta.url))
const guard = fileURLToPath(new URL('../dist/runtime/guard', import.meta.url))
// Projects live inside this package, so Nuxt resolves from its node_modules.
const projectsDir = fileURLToPath(new URL('./.projects/', import.meta.url))
const roots: string[] = []

function projectWith(files: Record<string, string> = {}): string {
  mkdirSync(projectsDir, { recursive: true })
  const root = mkdtempSync(join(projectsDir, 'project-'))
  roots.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

async function setUp(root: string, agentTasks: Record<string, unknown> = {}) {
  const nuxt = await loadNuxt({ cwd: root, ready: true, overrides: { modules: [moduleEntry], telemetry: false, agentTasks } as never })
  try {
    const mounted = nuxt.options.serverHandlers.filter((entry) => entry.handler === handler).map((entry) => entry.route)
    const guards = nuxt.options.serverHandlers.filter((entry) => entry.handler === guard).map(({ middleware, route }) => ({ middleware, route }))
    return { alias: nuxt.options.alias['#agent-tasks'], mounted, guards }
  } finally {
    await nuxt.close()
  }
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

describe('the Nuxt module', () => {
  it("mounts the app's server/agent-tasks at /api/agent-tasks and below, and names it #agent-tasks", async () => {
    const root = projectWith({ 'server/agent-tasks.ts': 'export const agentTasks = {}\n' })
    const { alias, mounted } = await setUp(root)
    expect(alias).toBe(join(root, 'server', 'agent-tasks.ts'))
    expect(mounted).toEqual(['/api/agent-tasks', '/api/agent-tasks/**'])
  })

  it('falls back to an instance with the defaults, and mounts at the configured path', async () => {
    const { alias, mounted } = await setUp(projectWith(), { path: '/agents/links/' })
    expect(alias).toBe(defaultInstance)
    expect(mounted).toEqual(['/agents/links', '/agents/links/**'])
  })

  it('mounts nothing with path: false, and still names the instance', async () => {
    const { alias, mounted } = await setUp(projectWith({ 'server/links.ts': 'export const agentTasks = {}\n' }), { path: false, instance: 'server/links' })
    expect(alias?.endsWith(join('server', 'links.ts'))).toBe(true)
    expect(mounted).toEqual([])
  })

  it('mounts the guard as server middleware only with guard: true, with the contract or without it', async () => {
    expect((await setUp(projectWith())).guards).toEqual([])
    expect((await setUp(projectWith(), { guard: true })).guards).toEqual([{ middleware: true, route: undefined }])
    expect((await setUp(projectWith(), { guard: true, path: false })).guards).toEqual([{ middleware: true, route: undefined }])
  })

  it('refuses an instance option that names no file', async () => {
    await expect(setUp(projectWith(), { instance: 'server/missing' })).rejects.toThrow(/agentTasks.instance "server\/missing" was not found/)
  })
})
