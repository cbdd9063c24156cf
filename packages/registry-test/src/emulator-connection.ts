import { findEmulatorConnections, pickEmulatorConnection } from '@agent-tasks/emulator/connection'

export interface RunningEmulator {
  apiUrl: string
  secretKey: string
}

/**
 * The emulator `agent-tasks-emulator run` started for the app in `appDir` on `port`, from the connection
 * file it keeps there while it runs (as the `agent-tasks` CLI finds it): what `@clerk/backend` needs.
 */
export async function emulatorRunFor(appDir: string, port: number): Promise<RunningEmulator> {
  const { live, unresponsive } = await findEmulatorConnections(appDir)
  const picked = pickEmulatorConnection(live, { AGENT_TASKS_EMULATOR_PORT: String(port) })
  if (picked.kind !== 'found') {
    const seen = [...live, ...unresponsive].map((found) => found.connection.port)
    throw new Error(`no connection file of the emulator run started on port ${port} in ${appDir} (${picked.kind}; files for ports: ${seen.join(', ') || 'none'})`)
  }
  return { apiUrl: picked.found.connection.apiUrl, secretKey: picked.found.connection.secretKey }
}
