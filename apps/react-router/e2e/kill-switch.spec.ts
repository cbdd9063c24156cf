import { defineKillSwitchSpecs } from '@agent-tasks/sample-app-e2e'
import { app } from './app.ts'

defineKillSwitchSpecs(app)
