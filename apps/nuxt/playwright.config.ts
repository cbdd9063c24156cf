import { sampleAppPlaywrightConfig } from '@agent-tasks/sample-app-e2e'

export default sampleAppPlaywrightConfig()
