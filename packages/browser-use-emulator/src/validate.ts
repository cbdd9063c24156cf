/** One entry of a FastAPI 422 `detail`, as Browser Use answers bad input. */
export interface ValidationDetail {
  loc: Array<string | number>
  msg: string
  type: string
}

export class ValidationFailed extends Error {
  constructor(readonly detail: ValidationDetail[]) {
    super('validation failed')
  }
}

const issue = (field: string, msg: string, type = 'value_error'): ValidationDetail => ({ loc: ['body', field], msg, type })

/** Checks a create-task body as the v2 API does (the fields the emulator honours). */
export function readCreateTask(body: unknown) {
  const problems: ValidationDetail[] = []
  const input = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>
  const { task, llm, startUrl, allowedDomains, maxSteps, metadata } = input
  if (typeof task !== 'string' || task.trim() === '') problems.push(issue('task', 'String should have at least 1 character', 'string_too_short'))
  if (llm !== undefined && typeof llm !== 'string') problems.push(issue('llm', 'Input should be a valid string', 'string_type'))
  if (startUrl !== undefined && startUrl !== null && (typeof startUrl !== 'string' || !URL.canParse(startUrl))) {
    problems.push(issue('startUrl', 'Input should be a valid URL'))
  }
  if (allowedDomains !== undefined && allowedDomains !== null && !(Array.isArray(allowedDomains) && allowedDomains.every((d) => typeof d === 'string' && d !== ''))) {
    problems.push(issue('allowedDomains', 'Input should be a valid list of domains', 'list_type'))
  }
  if (maxSteps !== undefined && !(Number.isInteger(maxSteps) && (maxSteps as number) >= 1 && (maxSteps as number) <= 10_000)) {
    problems.push(issue('maxSteps', 'Input should be an integer from 1 to 10000', 'int_type'))
  }
  const entries = metadata === undefined || metadata === null ? [] : Object.entries(metadata as object)
  if (metadata !== undefined && metadata !== null && (typeof metadata !== 'object' || entries.length > 10 || entries.some(([, v]) => typeof v !== 'string'))) {
    problems.push(issue('metadata', 'Metadata holds at most 10 string values'))
  }
  if (problems.length > 0) throw new ValidationFailed(problems)
  return {
    task: task as string,
    llm: (llm as string | undefined) ?? 'browser-use-2.0',
    startUrl: (startUrl as string | null | undefined) ?? undefined,
    allowedDomains: (allowedDomains as string[] | null | undefined) ?? undefined,
    maxSteps: (maxSteps as number | undefined) ?? 100,
    metadata: Object.fromEntries(entries) as Record<string, string>,
  }
}
