import { runConformanceSuite } from '@agent-tasks/conformance'
import { expressTarget } from './start-app.js'

runConformanceSuite(expressTarget('Express 5, no body parser', 'none'))
