export { sampleAppPlaywrightConfig } from './config.ts'
export { defineKillSwitchSpecs, defineSampleAppSpecs, type SampleAppSpecOptions } from './specs.ts'
export { type SampleAppStack, sampleAppTest } from './stack.ts'
