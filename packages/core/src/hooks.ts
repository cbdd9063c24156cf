import type { AgentTaskHooks } from './types.js'

type EventHook = Exclude<keyof AgentTaskHooks<unknown>, 'onHookError'>

/** Runs an audit hook; its failure is reported and never changes what the caller gets. */
export async function runHook<Context, K extends EventHook>(
  hooks: AgentTaskHooks<Context>,
  name: K,
  event: Parameters<NonNullable<AgentTaskHooks<Context>[K]>>[0],
): Promise<void> {
  const hook = hooks[name] as ((event: unknown) => void | Promise<void>) | undefined
  if (!hook) return
  try {
    await hook(event)
  } catch (error) {
    if (hooks.onHookError) hooks.onHookError(error, name)
    else console.error(`[agent-tasks] the ${name} hook threw:`, error)
  }
}
