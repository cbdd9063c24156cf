import { defineClerkTestingSpecs } from '../../src/index.ts'
import { app } from './app.ts'

defineClerkTestingSpecs(app)
