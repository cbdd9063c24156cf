import { packageBuild } from '../../tsdown.base.ts'

// ESM only, as TanStack Start is: `@tanstack/react-start/server` has no CommonJS entry to require.
export default packageBuild({ format: ['esm'] })
