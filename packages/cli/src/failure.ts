import { isAgentTaskError, redactCredentials } from '@agent-tasks/core'
import { CliError, EXIT } from './cli-error.js'

/** What to tell the user about a failed operation, and the CLI's exit code for it; credentials removed. */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: redactCredentials(error.message), exitCode: error.exitCode }
  if (isAgentTaskError(error)) {
    const fields = error.fields.length ? ` (${error.fields.map((f) => `${f.field}: ${f.message}`).join('; ')})` : ''
    return { message: redactCredentials(`${error.message}${fields}`), exitCode: error.status < 500 && error.status !== 429 ? EXIT.usage : EXIT.failed }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { message: redactCredentials(`Clerk failed: ${message.split('\n')[0]}. Check CLERK_SECRET_KEY and CLERK_API_URL.`), exitCode: EXIT.failed }
}
