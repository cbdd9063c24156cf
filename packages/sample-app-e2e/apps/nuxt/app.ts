import { sampleApp } from '../../src/apps.ts'

/** How the shared browser specs start this app. */
export const app = sampleApp('nuxt')
