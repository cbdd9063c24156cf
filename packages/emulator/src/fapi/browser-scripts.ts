import type { ServerResponse } from 'node:http'
import type { Route } from '../http/router.js'

/** Where the emulator serves its stand-ins for Clerk's browser bundles (given to apps as `CLERK_JS_URL` / `CLERK_UI_URL`). */
export const CLERK_JS_PATH = '/npm/@clerk/clerk-js@6/dist/clerk.browser.js'
export const CLERK_UI_PATH = '/npm/@clerk/ui@1/dist/ui.browser.js'

// A stand-in for clerk-js: what @clerk/astro's page script and @clerk/vue call on `window.Clerk`
// (`load`, `addListener`, `loaded`, the signed-in resources), with the state the server rendered
// (Astro's `__CLERK_ASTRO_DATA__`, or the `initialState` option Nuxt passes) and no network calls.
// Sign-in happens on the emulator's page and through the handshake, never in this script.
const CLERK_JS = `(function () {
  'use strict';
  if (window.Clerk) return;
  function attribute(name) {
    var script = document.querySelector('script[' + name + ']');
    return (script && script.getAttribute(name)) || '';
  }
  function resourcesFrom(state) {
    if (!state || !state.userId || !state.sessionId) return { client: null, user: null, session: null, organization: null };
    var user = { id: state.userId };
    var session = {
      id: state.sessionId,
      status: 'active',
      actor: state.actor || null,
      user: user,
      lastActiveToken: { jwt: { claims: state.sessionClaims || null } },
      getToken: function () { return Promise.resolve(null); }
    };
    return { client: { sessions: [session], signedInSessions: [session] }, user: user, session: session, organization: null };
  }
  function astroState() {
    var data = document.getElementById('__CLERK_ASTRO_DATA__');
    try { return data ? JSON.parse(data.textContent || '{}') : null; } catch (error) { return null; }
  }
  var listeners = [];
  var noop = function () {};
  var resolved = function () { return Promise.resolve(); };
  var clerk = {
    version: '6.0.0-agent-tasks-emulator',
    publishableKey: attribute('data-clerk-publishable-key'),
    proxyUrl: attribute('data-clerk-proxy-url'),
    loaded: false,
    status: 'loading',
    client: undefined, user: undefined, session: undefined, organization: undefined,
    get isSignedIn() { return Boolean(this.session); },
    load: function (options) {
      options = options || {};
      if (options.ui && options.ui.ClerkUI) Promise.resolve(options.ui.ClerkUI).then(noop, noop);
      var resources = resourcesFrom(options.initialState || astroState());
      clerk.client = resources.client; clerk.user = resources.user;
      clerk.session = resources.session; clerk.organization = resources.organization;
      clerk.loaded = true;
      clerk.status = 'ready';
      listeners.forEach(function (listener) { listener(resources); });
      return Promise.resolve();
    },
    addListener: function (listener, options) {
      listeners.push(listener);
      if (clerk.loaded && !(options && options.skipInitialEmit)) {
        listener({ client: clerk.client, user: clerk.user, session: clerk.session, organization: clerk.organization });
      }
      return function () { listeners = listeners.filter(function (other) { return other !== listener; }); };
    },
    on: noop, off: noop, __internal_updateProps: noop,
    handleRedirectCallback: resolved, signOut: resolved, setActive: resolved
  };
  window.Clerk = clerk;
})();
`

// A stand-in for Clerk's UI bundle: the constructor clerk-js is handed, mounting nothing.
const CLERK_UI = `(function () {
  'use strict';
  if (window.__internal_ClerkUICtor) return;
  function ClerkUI() { this.version = ClerkUI.version; }
  ClerkUI.version = '1.0.0-agent-tasks-emulator';
  ClerkUI.prototype.ensureMounted = function () {
    var noop = function () {};
    return Promise.resolve({ mountComponent: noop, unmountComponent: noop, updateProps: noop, openModal: noop, closeModal: noop });
  };
  window.__internal_ClerkUICtor = ClerkUI;
})();
`

function sendScript(res: ServerResponse, source: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    // Clerk's SDKs load these with crossorigin="anonymous" from the app's (other) origin.
    'Access-Control-Allow-Origin': '*',
    // Without it, @clerk/shared may read the cross-origin load as failed and drop the script tag.
    'Timing-Allow-Origin': '*',
    'Cache-Control': 'no-store',
  })
  res.end(source)
}

export const browserScriptRoutes: Route[] = [
  { method: 'GET', path: CLERK_JS_PATH, kind: 'page', handler: (_ctx, { res }) => sendScript(res, CLERK_JS) },
  { method: 'GET', path: CLERK_UI_PATH, kind: 'page', handler: (_ctx, { res }) => sendScript(res, CLERK_UI) },
]
