/** The templates, one per `apps/<name>` of the agent-tasks repo, in the order the prompt lists them. */
export const TEMPLATES = ['express', 'fastify', 'nextjs', 'react-router', 'tanstack-react-start', 'astro', 'nuxt'] as const

export type TemplateName = (typeof TEMPLATES)[number]

export const TEMPLATE_LABELS: Record<TemplateName, string> = {
  express: 'Express',
  fastify: 'Fastify',
  nextjs: 'Next.js (App Router)',
  'react-router': 'React Router (framework mode)',
  'tanstack-react-start': 'TanStack React Start',
  astro: 'Astro',
  nuxt: 'Nuxt',
}

/** What `--yes` picks when no `--template` is given. */
export const DEFAULT_TEMPLATE: TemplateName = 'nextjs'

/**
 * npm leaves every `.gitignore` out of a published tarball, so the package stores each one under this
 * name and the scaffold renames it back.
 */
export const STORED_GITIGNORE = '_gitignore'

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATES as readonly string[]).includes(name)
}
