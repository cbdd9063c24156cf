/**
 * The CLI's own exit codes. `run` otherwise exits with its command's code (128+n when signal n ended it),
 * so these can collide with a command's; stderr says which it was.
 */
export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  /** The emulator's port is in use (EADDRINUSE) or not allowed (EACCES). */
  portUnavailable: 3,
  /** As shells do: found but not executable. */
  notExecutable: 126,
  /** As shells do: no such command. */
  notFound: 127,
} as const
