import { agentFriendly } from '../../../../profiles'

export default agentFriendly.handler
