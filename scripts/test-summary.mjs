#!/usr/bin/env node
// Reads a test-run log (turbo output with vitest and Playwright reports) and prints one total line:
// "<n> passed, <n> failed". Used by .ci/run so CI shows a single figure for the whole suite.
import { readFileSync } from 'node:fs'

const log = readFileSync(process.argv[2], 'utf8').replace(/\u001b\[[0-9;]*m/g, '')
let passed = 0
let failed = 0
for (const line of log.split('\n')) {
  const vitest = line.match(/\bTests\s+(.*)\(\d+\)\s*$/)
  const playwright = line.match(/^(?:\S+:e2e:\s+)?\s+(\d+) (passed|failed|flaky)\b/)
  if (vitest?.[1]) {
    passed += Number(vitest[1].match(/(\d+) passed/)?.[1] ?? 0)
    failed += Number(vitest[1].match(/(\d+) failed/)?.[1] ?? 0)
  } else if (playwright) {
    if (playwright[2] === 'failed') failed += Number(playwright[1])
    else passed += Number(playwright[1])
  }
}
console.log(`${passed} passed, ${failed} failed`)
