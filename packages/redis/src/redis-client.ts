/**
 * The part of a node-redis client (`createClient()` from the official `redis` package, v5 or v6) the
 * store uses: raw commands, so any client of those versions fits whatever modules it was built with.
 */
export interface RedisCommandClient {
  sendCommand(args: string[]): Promise<unknown>
}
