/** Where every bench server mounts the two routes it compares (the Next.js app by its app/ folders). */
export const ROUTES = { seed: '/seed', adapter: '/adapter' } as const

export type RouteName = keyof typeof ROUTES

/** One of the app's own routes (a small JSON answer), without and with `agentTasks.guard` in front (Express and Fastify servers). */
export const GUARD_ROUTES = { unguarded: '/unguarded', guarded: '/guarded' } as const

/** What the app's own route answers. */
export const APP_ROUTE_ANSWER = { plan: 'team', seats: 5 } as const

/** What a forked server sends its parent once it listens. */
export interface ListeningMessage {
  port: number
}

export function announceListening(port: number): void {
  // Exit (rather than die) on the bench's SIGTERM, so `--cpu-prof` can write its profile.
  process.once('SIGTERM', () => process.exit(0))
  const message: ListeningMessage = { port }
  process.send?.(message)
}
