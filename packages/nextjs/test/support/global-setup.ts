import { buildFixture } from './build-fixture.js'

export default function setup(): void {
  buildFixture()
}
