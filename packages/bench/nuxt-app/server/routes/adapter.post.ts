import { createAgentTasks, createMemoryStore } from '@agent-tasks/nuxt/server'

// The seed's route has no per-user limits and remembers nothing: the same work here, limits off, with
// room for every link a run mints (the default memory store refuses new links once 10,000 are unused).
const SAME_WORK_AS_THE_SEED = { limits: false, store: createMemoryStore({ maxRecords: 1_000_000 }) } as const

// The adapter's route helper, as users write it.
export default createAgentTasks({ redirect: { defaultUrl: '/dashboard' }, ...SAME_WORK_AS_THE_SEED }).route
