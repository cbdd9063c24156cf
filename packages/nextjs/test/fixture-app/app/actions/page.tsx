import { mintAction, revokeAction } from './actions.js'

export default function ActionsPage() {
  return (
    <main>
      <form action={mintAction} data-form="mint">
        <input name="taskDescription" defaultValue="From a Server Action" />
        <button type="submit">Mint</button>
      </form>
      <form action={revokeAction} data-form="revoke">
        <input name="agentTaskId" />
        <button type="submit">Revoke</button>
      </form>
    </main>
  )
}
