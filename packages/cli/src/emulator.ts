import { type EmulatorConnection, findEmulatorConnections, PORT_ENV, pickEmulatorConnection, RUN_DEFAULT_PORT } from '@agent-tasks/emulator/connection'
import { CliError, EXIT } from './cli-error.js'

const STARTED_BY = 'started by `agent-tasks-emulator run`'

/**
 * The Clerk emulator that `agent-tasks-emulator run` (`npm start` of a template) runs for the project in
 * `cwd` (or its nearest parent with one), read from the connection file it keeps there; `undefined` when
 * none runs. Throws a `CliError` when several run and nothing says which, or the only one does not answer.
 */
export async function runningEmulator(cwd: string, env: NodeJS.ProcessEnv): Promise<EmulatorConnection | undefined> {
  const { live, unresponsive } = await findEmulatorConnections(cwd)
  if (live.length === 0) {
    const [slow] = unresponsive
    if (slow === undefined) return undefined
    throw new CliError(`the Clerk emulator ${STARTED_BY} at ${slow.connection.url} (pid ${slow.connection.pid}) did not answer in time: try again.`)
  }
  let picked: ReturnType<typeof pickEmulatorConnection>
  try {
    picked = pickEmulatorConnection(live, env)
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.config)
  }
  const ports = (list: readonly number[]) => `${list.length === 1 ? 'port' : 'ports'} ${list.join(', ')}`
  switch (picked.kind) {
    case 'found':
      return picked.found.connection
    case 'not-on-port':
      throw new CliError(
        `${PORT_ENV} is ${picked.port}, but the Clerk ${picked.ports.length === 1 ? 'emulator' : 'emulators'} ${STARTED_BY} for this folder ` +
          `${picked.ports.length === 1 ? 'is' : 'are'} on ${ports(picked.ports)}: set ${PORT_ENV} to ${picked.ports.length === 1 ? 'it' : 'one of them'}, or unset it.`,
        EXIT.config,
      )
    case 'ambiguous':
      throw new CliError(
        `${picked.ports.length} Clerk emulators ${STARTED_BY} run for this folder (${ports(picked.ports)}), none on ${RUN_DEFAULT_PORT}: set ${PORT_ENV} to the port of the one to use.`,
        EXIT.config,
      )
    case 'none':
      return undefined
  }
}
