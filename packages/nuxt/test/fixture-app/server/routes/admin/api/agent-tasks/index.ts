import { admin } from '../../../../profiles'

export default admin.handler
