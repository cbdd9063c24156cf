import { guardedAnswer } from '@agent-tasks/conformance/fixture'

export default defineEventHandler(() => guardedAnswer('billing'))
