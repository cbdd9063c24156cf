import { defineAgentPolicySpecs } from '../../src/index.ts'
import { app } from './app.ts'

defineAgentPolicySpecs(app)
