import { type Admin, adminAgentTasks, CliError, clerkClientFor, clerkConfig, describeFailure, findUser, type Subject } from '@agent-tasks/cli/admin'
import { type AgentTaskStore, createMemoryStore, redactCredentials } from '@agent-tasks/core'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import type { McpServerConfig } from './config.js'

/** What every tool needs: Clerk and core as configured, the user a call names, the server's log. */
export interface ToolContext {
  readonly config: McpServerConfig
  /** Clerk settings are read at each call: the emulator may have restarted with a new key. */
  admin(): Promise<Admin>
  /** The user `who` names, or the default user. */
  subject(admin: Admin, who: string | undefined): Promise<Subject>
  /** A line on stderr (the server's log): never a link or a token; credentials are removed anyway. */
  log(text: string): void
}

export function toolContext(config: McpServerConfig): ToolContext {
  // One ledger for the server's life: links minted by one call can be listed and ended by the next.
  const store: AgentTaskStore = createMemoryStore()
  return {
    config,
    async admin() {
      const clerk = clerkClientFor(await clerkConfig(config.live))
      return { clerk, agentTasks: adminAgentTasks(clerk, [config.appOrigin], store) }
    },
    subject(admin, who) {
      const user = who ?? config.defaultUser
      if (!user) throw new CliError('user: say who to act for (email, username or user ID), or start the server with --user / AGENT_TASKS_USER.')
      return findUser(admin.clerk, user)
    },
    log: (text) => process.stderr.write(`agent-tasks-mcp: ${redactCredentials(text)}\n`),
  }
}

/** A tool's answer: structured content (checked against its output schema) and the same as text. */
export function answer(structured: Record<string, unknown>, text: string): CallToolResult {
  return { structuredContent: structured, content: [{ type: 'text', text }] }
}

/** Runs a tool call; a failure becomes a tool error the agent can read (and the log a line without secrets). */
export async function guarded(context: ToolContext, tool: string, run: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await run()
  } catch (error) {
    const { message } = describeFailure(error)
    context.log(`${tool} failed: ${message}`)
    return { isError: true, content: [{ type: 'text', text: message }] }
  }
}
