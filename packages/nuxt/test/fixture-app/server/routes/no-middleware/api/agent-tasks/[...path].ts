// server/middleware/clerk.ts skips Clerk's middleware here.
import { withoutClerk } from '../../../../profiles'

export default withoutClerk.handler
