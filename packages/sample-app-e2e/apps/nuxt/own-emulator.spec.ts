import { defineOwnEmulatorSpecs } from '../../src/index.ts'
import { app } from './app.ts'

defineOwnEmulatorSpecs(app)
