import { createAgentTasks } from '@agent-tasks/astro'

// src/middleware.ts skips Clerk's middleware here.
export const prerender = false
export const ALL = createAgentTasks().handler
