import { defineKillSwitchSpecs } from '../../src/index.ts'
import { app } from './app.ts'

defineKillSwitchSpecs(app)
