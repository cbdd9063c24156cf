import { withoutClerk } from '../../../../profiles'

export default withoutClerk.handler
