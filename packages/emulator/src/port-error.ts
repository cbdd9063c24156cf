import { PORT_ENV } from './cli-args.js'

/**
 * For a failed listen on a taken (EADDRINUSE) or forbidden (EACCES) port, a message naming both ways to
 * choose another; `undefined` for any other error.
 */
export function portUnavailableMessage(error: unknown, port: number | undefined): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return undefined
  const problem = code === 'EADDRINUSE' ? 'is already in use' : 'may not be used by this user (EACCES)'
  return (
    `port ${port ?? 0} on 127.0.0.1 ${problem}. Choose another with --port <n> or ${PORT_ENV}=<n> ` +
    '(use the same one for build and start: the public keys a build inlines name the port).'
  )
}
