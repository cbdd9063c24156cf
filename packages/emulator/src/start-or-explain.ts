import { startEmulator } from './emulator.js'
import { portUnavailableMessage } from './port-error.js'
import type { Emulator, EmulatorOptions } from './types.js'

/**
 * Starts an emulator for the CLI; when its port is taken or not allowed, says why (naming `--port` and
 * `AGENT_TASKS_EMULATOR_PORT`) and returns `undefined` for the caller to exit with `EXIT.portUnavailable`.
 */
export async function startOrExplainPort(options: EmulatorOptions, say: (line: string) => void): Promise<Emulator | undefined> {
  try {
    return await startEmulator(options)
  } catch (error) {
    const message = portUnavailableMessage(error, options.port)
    if (message === undefined) throw error
    say(message)
    return undefined
  }
}
