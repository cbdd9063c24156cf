import { guardedAnswer } from '@agent-tasks/conformance/fixture'

export const GET = () => Response.json(guardedAnswer('billing'))
