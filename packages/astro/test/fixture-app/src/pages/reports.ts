import { guardedAnswer } from '@agent-tasks/conformance/fixture'
import type { APIRoute } from 'astro'

export const prerender = false
export const ALL: APIRoute = () => Response.json(guardedAnswer('reports'))
