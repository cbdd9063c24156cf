import { AgentTaskError, type AgentTasks, problemResponse } from '@agent-tasks/core'
import { preParsedBodyOf, sendWebResponse, toWebRequest } from '@agent-tasks/core/node'
import type { NextFunction, Request, Response } from 'express'
import { readAuth } from './auth.js'

/** Runs one request through the core HTTP contract, `path` being the route below the mount point. */
export async function handleExpressRequest(
  agentTasks: AgentTasks<Request>,
  req: Request,
  res: Response,
  next: NextFunction,
  path: string,
): Promise<void> {
  try {
    let response: globalThis.Response
    try {
      const auth = readAuth(req)
      const body = preParsedBodyOf(req)
      response = await agentTasks.handle(toWebRequest(req), {
        auth,
        context: req,
        path,
        ...(body === undefined ? {} : { body }),
      })
    } catch (error) {
      if (!(error instanceof AgentTaskError)) throw error
      response = problemResponse(error)
    }
    await sendWebResponse(res, response)
  } catch (error) {
    next(error)
  }
}
