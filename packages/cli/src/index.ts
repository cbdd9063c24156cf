export { EXIT } from './cli-error.js'
export { main } from './cli.js'
