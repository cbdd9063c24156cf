import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mintLink, signInToStorageState } from '@agent-tasks/cli/admin'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import { linkDescription, mintedOutputShape, mintInputShape, sessionEndsAt } from '../schemas/browser-session.js'
import { answer, guarded, type ToolContext } from '../tool-context.js'

const shared = mintInputShape('APP_URL’s origin (default: /)')

const inputSchema = {
  user: z.string().min(1).optional().describe('Who to sign in: email, username or user ID. Default: the server’s --user / AGENT_TASKS_USER.'),
  ...shared,
  sessionMaxDurationInSeconds: shared.sessionMaxDurationInSeconds.describe('Longest the session may last (60–3600 s; default 1800).'),
  storageState: z.boolean().optional().describe('Open the link in headless Chromium now and save a Playwright storage-state file (for --storage-state) instead of returning the link.'),
  storageStatePath: z.string().min(1).optional().describe('With storageState: where to write the file. Default: a new folder under the OS temp folder.'),
}

const outputSchema = {
  userId: z.string(),
  ...mintedOutputShape,
  url: z.string().optional().describe(`${linkDescription} Absent with storageState: it was used.`),
  sessionEndsAt: mintedOutputShape.sessionEndsAt.describe('ISO 8601. With storageState, when the session ends; for a link, when a session opened now would end.'),
  sessionId: z.string().optional(),
  storageStatePath: z.string().optional(),
}

async function defaultStatePath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'agent-tasks-mcp-')), 'storage-state.json')
}

export function registerCreateBrowserSession(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'create_browser_session',
    {
      title: 'Create a signed-in browser session',
      description:
        'Mints a one-time link that signs a browser into the app as a user (a Clerk agent task), landing on a path of APP_URL. ' +
        'Open the link in your browser tool, or pass storageState: true to get a Playwright storage-state file already signed in (Playwright MCP: --storage-state <file>). ' +
        'The link is a credential: do not paste it anywhere else. End access with end_agent_access.',
      inputSchema,
      outputSchema,
    },
    (input) =>
      guarded(context, 'create_browser_session', async () => {
        const admin = await context.admin()
        const subject = await context.subject(admin, input.user)
        const mint = {
          redirectUrl: input.redirectUrl ?? '/',
          origin: context.config.appOrigin,
          sessionMaxDurationInSeconds: input.sessionMaxDurationInSeconds,
          taskDescription: input.taskDescription ?? 'Browser session for a coding agent (agent-tasks-mcp)',
        }
        if (input.storageState) {
          const path = input.storageStatePath ?? (await defaultStatePath())
          const state = await signInToStorageState(admin, subject, mint, { path })
          context.log(`create_browser_session: signed ${subject.id} in through agent task ${state.agentTaskId}, storage state written to ${state.path}`)
          return answer(
            {
              userId: subject.id,
              agentTaskId: state.agentTaskId,
              redirectUrl: state.landedAt,
              sessionMaxDurationInSeconds: state.sessionMaxDurationInSeconds,
              sessionEndsAt: state.sessionEndsAt,
              sessionId: state.sessionId,
              storageStatePath: state.path,
            },
            `Signed in as ${subject.label} (${subject.id}) on ${state.landedAt}. Playwright storage state: ${state.path}\n` +
              `Session ${state.sessionId} (agent task ${state.agentTaskId}) ends at ${state.sessionEndsAt}. The file signs a browser in as this user: keep it private.`,
          )
        }
        const task = await mintLink(admin, subject, mint)
        const endsAt = sessionEndsAt(task.sessionMaxDurationInSeconds)
        context.log(`create_browser_session: agent task ${task.agentTaskId} minted for ${subject.id}, landing on ${task.redirectUrl}`)
        return answer(
          {
            userId: subject.id,
            agentTaskId: task.agentTaskId,
            url: task.url,
            redirectUrl: task.redirectUrl,
            sessionMaxDurationInSeconds: task.sessionMaxDurationInSeconds,
            sessionEndsAt: endsAt,
          },
          `One-time link that signs a browser in as ${subject.label} (${subject.id}) and lands on ${task.redirectUrl}:\n${task.url}\n` +
            `Agent task ${task.agentTaskId}. The session lasts up to ${task.sessionMaxDurationInSeconds} s from when the link is opened (opened now: until ${endsAt}). ` +
            'The link works once and is a credential: open it only in your browser tool.',
        )
      }),
  )
}
