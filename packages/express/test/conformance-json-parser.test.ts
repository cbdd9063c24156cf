import { runConformanceSuite } from '@agent-tasks/conformance'
import { expressTarget } from './start-app.js'

// Same contract when the app already parsed JSON bodies before the router runs.
runConformanceSuite(expressTarget('Express 5 after express.json()', 'express.json'))
