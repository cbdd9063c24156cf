import { CliError, EXIT } from './cli-error.js'

/** Where a link lands: an absolute URL, or a path of `APP_URL`. Returns the URL and its origin. */
export function landingUrl(target: string | undefined): { url: string; origin: string } {
  const appUrl = process.env.APP_URL
  const raw = target ?? appUrl
  if (!raw) throw new CliError('Say where the link lands: --redirect <url>, or set APP_URL (then a path such as /dashboard works).', EXIT.usage)
  let url: URL
  try {
    url = raw.startsWith('/') ? new URL(raw, appUrl ?? 'invalid:') : new URL(raw)
  } catch {
    throw new CliError(
      raw.startsWith('/') ? `${raw} is a path: set APP_URL to the app's origin, or give an absolute URL.` : `${raw} is not a URL.`,
      EXIT.usage,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`${raw}: only http(s) URLs can be landed on.`, EXIT.usage)
  return { url: url.href, origin: url.origin }
}
