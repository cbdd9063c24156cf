import { packageBuild } from '../../tsdown.base.ts'

// The main entry is Web-API only (edge runtimes); `node` holds the Node helpers.
export default packageBuild({ entry: ['src/index.ts', 'src/node.ts'], platform: 'neutral', external: [/^node:/] })
