import { fileURLToPath } from 'node:url'

/** A path inside this package (this file sits one folder below the package root in both `src/` and `dist/`). */
export function packageFile(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url))
}
