import { guardedAnswer } from '@agent-tasks/conformance/fixture'

const answer = () => Response.json(guardedAnswer('reports'))
export const GET = answer
export const POST = answer
