import { defineSampleAppSpecs } from '../../src/index.ts'
import { app } from './app.ts'

defineSampleAppSpecs(app)
