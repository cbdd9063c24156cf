import { guardedAnswer } from '@agent-tasks/conformance/fixture'

export const loader = () => Response.json(guardedAnswer('billing'))
