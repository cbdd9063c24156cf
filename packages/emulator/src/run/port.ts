/** The port `run` uses unless `--port` or `AGENT_TASKS_EMULATOR_PORT` says otherwise: fixed, so a build and a later start agree. */
export const RUN_DEFAULT_PORT = 4010

/** Chooses the emulator's port for `run` and plain `agent-tasks-emulator`, and which running emulator the `agent-tasks` CLI uses. */
export const PORT_ENV = 'AGENT_TASKS_EMULATOR_PORT'
