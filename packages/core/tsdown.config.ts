import { packageBuild } from '../../tsdown.base.ts'

// The main and adapter entries are Web-API only (edge runtimes); `node` holds the Node bridge.
export default packageBuild({ entry: ['src/index.ts', 'src/adapter/index.ts', 'src/adapter-exports.ts', 'src/node.ts'], platform: 'neutral', external: [/^node:/] })
