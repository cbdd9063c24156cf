import { defineScriptTagClerkUiSpecs } from '../../src/index.ts'
import { app } from './app.ts'

defineScriptTagClerkUiSpecs(app)
