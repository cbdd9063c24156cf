import { describeFailure, EXIT, loadDotEnv } from '@agent-tasks/cli/admin'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { parseCommandLine, resolveConfig, USAGE } from './config.js'
import { createAgentTasksMcpServer, packageVersion } from './server.js'

/**
 * `agent-tasks-mcp`: serves MCP on stdin/stdout until the client closes them. Resolves to 0 once
 * serving (the process stays up on stdin), or to the exit code of a refusal to start. stdout is the
 * protocol's: everything else goes to stderr, never a link or a token.
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const parsed = parseCommandLine(argv)
    if (parsed.kind !== 'serve') {
      process.stdout.write(`${parsed.kind === 'help' ? USAGE : packageVersion()}\n`)
      return EXIT.ok
    }
    loadDotEnv()
    const config = await resolveConfig(parsed)
    await createAgentTasksMcpServer(config).connect(new StdioServerTransport())
    process.stderr.write(`agent-tasks-mcp: serving on stdio; links land on ${config.appOrigin}; default user ${config.defaultUser ?? '(none: each call names one)'}\n`)
    return EXIT.ok
  } catch (error) {
    process.stderr.write(`agent-tasks-mcp: ${describeFailure(error).message}\n`)
    return describeFailure(error).exitCode
  }
}
