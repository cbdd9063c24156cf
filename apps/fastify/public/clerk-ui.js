// Clerk's own UI, as in Clerk's JavaScript quickstart: the page loads clerk-js and the UI bundle by script
// tag (their `data-clerk-*` attributes carry the publishable key and proxy URL); this loads Clerk and
// mounts <SignIn /> into `#clerk-sign-in` and <UserButton /> into `#clerk-user-button` where the page has them.

function scriptsLoaded() {
  return new Promise((resolve) => {
    const check = () => (window.Clerk && window.__internal_ClerkUICtor ? resolve() : setTimeout(check, 20))
    check()
  })
}

await scriptsLoaded()
const clerk = window.Clerk
await clerk.load({
  ui: { ClerkUI: window.__internal_ClerkUICtor },
  // This app's own sign-in page, and where a person lands after signing in or out.
  signInUrl: '/sign-in',
  signInFallbackRedirectUrl: '/dashboard',
  afterSignOutUrl: '/',
})

const signIn = document.getElementById('clerk-sign-in')
if (signIn) clerk.mountSignIn(signIn)
const userButton = document.getElementById('clerk-user-button')
if (userButton && clerk.user) clerk.mountUserButton(userButton)
