/** The app's own sign-in page (Clerk's `<SignIn />`): set in the middleware and the provider, it wins over `CLERK_SIGN_IN_URL`. */
export const SIGN_IN_URL = '/sign-in'
