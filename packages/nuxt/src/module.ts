import { addServerHandler, createResolver, defineNuxtModule, findPath, useLogger } from '@nuxt/kit'
import type { NuxtModule } from '@nuxt/schema'

export interface ModuleOptions {
  /** Where the contract is mounted (`POST {path}`, `POST {path}/{agentTaskId}/revoke`); `false` mounts nothing. Default `/api/agent-tasks`. */
  path: string | false
  /**
   * The module exporting the app's one instance as `agentTasks`, relative to the project root. Default
   * `server/agent-tasks` when that file exists, else an instance with the library's defaults.
   */
  instance?: string
  /**
   * Mounts the instance's `guard` as server middleware: the agent policy on every request, after
   * Clerk's middleware (`@clerk/nuxt`'s, or yours in `server/middleware/`). Default `false`.
   */
  guard?: boolean
}

/**
 * Mounts the agent-tasks contract on the app's Nitro server and gives server code the app's one
 * instance as `#agent-tasks`. Add it after `@clerk/nuxt`, whose server middleware it relies on.
 *
 * @example
 * // nuxt.config.ts
 * export default defineNuxtConfig({ modules: ['@clerk/nuxt', '@agent-tasks/nuxt'], agentTasks: { path: '/api/agent-tasks', guard: true } })
 */
const agentTasksModule: NuxtModule<ModuleOptions> = defineNuxtModule<ModuleOptions>({
  meta: { name: '@agent-tasks/nuxt', configKey: 'agentTasks', compatibility: { nuxt: '>=4.0.0' } },
  defaults: { path: '/api/agent-tasks', guard: false },
  async setup(options, nuxt) {
    const resolver = createResolver(import.meta.url)
    const logger = useLogger('@agent-tasks/nuxt')
    if (!nuxt.options.modules.some((entry) => (Array.isArray(entry) ? entry[0] : entry) === '@clerk/nuxt')) {
      logger.warn("'@clerk/nuxt' is not among `modules`: the agent-tasks routes will answer 500 misconfigured until Clerk's middleware runs.")
    }
    const instance = options.instance
      ? await findPath(options.instance, { cwd: nuxt.options.rootDir })
      : await findPath('server/agent-tasks', { cwd: nuxt.options.rootDir })
    if (options.instance && !instance) throw new Error(`@agent-tasks/nuxt: agentTasks.instance "${options.instance}" was not found under ${nuxt.options.rootDir}.`)
    const instancePath = instance ?? resolver.resolve('./runtime/default-instance')
    nuxt.options.alias['#agent-tasks'] = instancePath
    // Bundled by Nitro, not loaded from node_modules: the runtime imports `#agent-tasks`, and the
    // server entry loads @clerk/nuxt/server, which needs Nitro's `#imports`.
    nuxt.options.build.transpile.push('@agent-tasks/nuxt')
    // Nitro runs the app's server/middleware/ files first, then the modules' middleware in module
    // order: after @clerk/nuxt's either way, so the caller is known when the guard runs.
    if (options.guard === true) addServerHandler({ middleware: true, handler: resolver.resolve('./runtime/guard') })
    if (options.path === false) return
    const path = `/${options.path.replace(/^\/+|\/+$/g, '')}`
    const handler = resolver.resolve('./runtime/handler')
    addServerHandler({ route: path, handler })
    addServerHandler({ route: `${path}/**`, handler })
  },
})

export default agentTasksModule
