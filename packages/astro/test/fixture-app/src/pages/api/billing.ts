import { guardedAnswer } from '@agent-tasks/conformance/fixture'
import type { APIRoute } from 'astro'

export const prerender = false
export const GET: APIRoute = () => Response.json(guardedAnswer('billing'))
