import { buildFixture } from './fixture.js'

export default function setup(): void {
  buildFixture()
}
