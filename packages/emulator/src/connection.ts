/**
 * `@agent-tasks/emulator/connection`: the connection file `agent-tasks-emulator run` keeps while its
 * emulator runs (`<project>/node_modules/.cache/agent-tasks-emulator/<port>.json`, mode 0600), and how
 * other tools find it. The one definition of the format, its place and which emulator is chosen; the
 * `agent-tasks` CLI builds this module in. No dependencies, nothing of the emulator's server.
 *
 * @packageDocumentation
 */
export {
  CONNECTION_DIR,
  CONNECTION_FORMAT_VERSION,
  connectionFilePath,
  type EmulatorConnection,
  type WrittenConnectionFile,
  writeConnectionFile,
} from './run/connection-file.js'
export {
  type FindOptions,
  type FoundConnection,
  type FoundConnections,
  findEmulatorConnections,
  type PickedConnection,
  parseConnection,
  pickEmulatorConnection,
} from './run/find-connections.js'
export { PORT_ENV, RUN_DEFAULT_PORT } from './run/port.js'
