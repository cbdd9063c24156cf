import { createFileRoute } from '@tanstack/react-router'
import { createAgentTaskFn } from '../../create-agent-task-fn'

// A page that calls the server function from the browser: TanStack Start registers server functions
// the client build reaches, so one that only server routes call would not exist at runtime.
function MintButton() {
  return (
    <button type="button" onClick={() => void createAgentTaskFn({ data: {} })}>
      Mint
    </button>
  )
}

export const Route = createFileRoute('/programmatic/')({ component: MintButton })
