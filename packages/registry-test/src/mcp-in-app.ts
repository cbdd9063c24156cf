import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { redactCredentials } from '@agent-tasks/core'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { chromium } from 'playwright-core'
import { startLongRunning, waitUntilAnswering } from './app-process.ts'
import { freePort } from './free-port.ts'
import { lastLines, runCommand } from './run-command.ts'

export interface McpInAppContext {
  creatorVersion: string
  mcpVersion: string
  /** Parent folder of the app (outside the repository). */
  workDir: string
  env: NodeJS.ProcessEnv
  say(line: string): void
}

const MINUTE = 60_000
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking']

interface BrowserSession {
  storageStatePath: string
  agentTaskId: string
}

/**
 * `@agent-tasks/mcp`'s README followed in a created app: `npm install --save-dev @agent-tasks/mcp`, then
 * an MCP client starts `npx agent-tasks-mcp --app-url … --user …` in the project folder (as the
 * `.mcp.json` snippet does) while `npm start` runs the app on the emulator; `create_browser_session`
 * with `storageState: true` writes a Playwright storage state, and a fresh Chromium context with that
 * state opens `/dashboard` signed in (the Playwright MCP walk-through), no link ever opened by hand.
 */
export async function checkMcpInApp(template: string, context: McpInAppContext): Promise<void> {
  const { workDir, say } = context
  mkdirSync(workDir, { recursive: true })
  const folder = `${template}-mcp-app`
  const appDir = join(workDir, folder)
  const emulatorPort = await freePort()
  const env = { ...context.env, AGENT_TASKS_EMULATOR_PORT: String(emulatorPort) }
  const npm = (args: string[], cwd: string) => runCommand('npm', args, { cwd, env, timeoutMs: 15 * MINUTE })
  await npm(['create', `agent-tasks@${context.creatorVersion}`, folder, '--', '--template', template, '--yes'], workDir)
  await npm(['install'], appDir)
  await npm(['install', '--save-dev', `@agent-tasks/mcp@${context.mcpVersion}`], appDir)
  say(`npm create agent-tasks (${template}), npm install, npm install --save-dev @agent-tasks/mcp@${context.mcpVersion}`)

  const appPort = await freePort()
  const appUrl = `http://127.0.0.1:${appPort}`
  const app = startLongRunning('npm', ['start'], appDir, { ...env, PORT: String(appPort), HOST: '127.0.0.1' })
  try {
    await waitUntilAnswering(appUrl, app, 'npm start', 3 * MINUTE)
    const session = await browserSessionThroughMcp(appDir, appUrl, env)
    say(`MCP client → npx agent-tasks-mcp: create_browser_session wrote a storage state (agent task ${session.agentTaskId})`)
    const header = await dashboardHeaderWith(session.storageStatePath, appUrl)
    say(`a new Chromium context with that storage state opened /dashboard signed in; <header>: "${header}"`)
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- npm start printed:\n${lastLines(app.output())}`)
  } finally {
    await app.stop()
  }
  rmSync(appDir, { recursive: true, force: true })
}

async function browserSessionThroughMcp(appDir: string, appUrl: string, env: NodeJS.ProcessEnv): Promise<BrowserSession> {
  let stderr = ''
  const transport = new StdioClientTransport({
    command: 'npx',
    args: ['agent-tasks-mcp', '--app-url', appUrl, '--user', 'ada@example.com'],
    cwd: appDir,
    env: env as Record<string, string>,
    stderr: 'pipe',
  })
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const client = new Client({ name: 'registry-test', version: '0.0.0' })
  try {
    await client.connect(transport)
    const { tools } = await client.listTools()
    const names = tools.map((tool) => tool.name)
    for (const expected of ['create_browser_session', 'list_agent_sessions', 'end_agent_access']) {
      if (!names.includes(expected)) throw new Error(`agent-tasks-mcp lists ${names.join(', ')}: no ${expected}`)
    }
    const result = await client.callTool({ name: 'create_browser_session', arguments: { redirectUrl: '/dashboard', storageState: true } })
    const structured = result.structuredContent as Partial<BrowserSession> | undefined
    if (result.isError || !structured?.storageStatePath || !structured.agentTaskId) {
      throw new Error(`create_browser_session failed: ${JSON.stringify(result.content)}`)
    }
    return { storageStatePath: structured.storageStatePath, agentTaskId: structured.agentTaskId }
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- agent-tasks-mcp printed:\n${redactCredentials(lastLines(stderr))}`)
  } finally {
    await client.close()
  }
}

async function dashboardHeaderWith(storageStatePath: string, appUrl: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS })
  try {
    const context = await browser.newContext({ storageState: storageStatePath })
    const page = await context.newPage()
    await page.goto(`${appUrl}/dashboard`)
    const header = page.locator('header')
    await header.filter({ hasText: 'Welcome' }).first().waitFor({ timeout: 30_000 })
    return ((await header.first().textContent()) ?? '').replace(/\s+/g, ' ').trim()
  } finally {
    await browser.close()
  }
}
