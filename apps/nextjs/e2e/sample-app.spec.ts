import { defineSampleAppSpecs } from '@agent-tasks/sample-app-e2e'
import { app } from './app.ts'

defineSampleAppSpecs(app)
