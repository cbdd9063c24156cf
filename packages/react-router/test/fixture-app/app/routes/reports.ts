import { guardedAnswer } from '@agent-tasks/conformance/fixture'

export const loader = () => Response.json(guardedAnswer('reports'))
export const action = () => Response.json(guardedAnswer('reports'))
