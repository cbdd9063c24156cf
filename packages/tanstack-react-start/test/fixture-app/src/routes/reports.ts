import { guardedAnswer } from '@agent-tasks/conformance/fixture'
import { createFileRoute } from '@tanstack/react-router'

const answer = () => Response.json(guardedAnswer('reports'))
export const Route = createFileRoute('/reports')({ server: { handlers: { GET: answer, POST: answer } } })
