// The ledger's work beyond minting — listing, the kill switch, bringing records up to date with
// Clerk. The service loads this module on first use (a dynamic import), so a bundle whose code only
// mints links does not load it; bundlers put it in a chunk of its own.
export { endLinkAccess, revokeAllAccess } from './end-access.js'
export { involvingUser, listLinks } from './list-links.js'
export { refreshRecords } from './refresh-records.js'
export { learnSession } from './learn-session.js'
