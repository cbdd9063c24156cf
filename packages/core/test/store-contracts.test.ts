import { createMemoryApprovalStore, createMemoryStore } from '../src/index.js'
import { describeApprovalStoreContract } from './contracts/approval-store-contract.js'
import { describeFindBySessionContract } from './contracts/store-sessions-contract.js'

const store = createMemoryStore()
const approvals = createMemoryApprovalStore()

describeFindBySessionContract('createMemoryStore', () => store)
describeApprovalStoreContract('createMemoryApprovalStore', () => approvals)
