import { createRequire } from 'node:module'
import ts from 'typescript'

const require = createRequire(import.meta.url)

export interface PublicApi {
  /** Every exported name, values and types, sorted. */
  exports: string[]
  /** The members of the exported `AgentTasks` instance type, sorted. */
  instanceMembers: string[]
}

/** What a package's built type declarations export, read with the TypeScript compiler as a user's editor would. */
export function publicApiOf(packageName: string): PublicApi {
  const declarations = require.resolve(packageName).replace(/\.c?js$/, '.d.ts')
  const program = ts.createProgram([declarations], { strict: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(declarations)
  const moduleSymbol = source && checker.getSymbolAtLocation(source)
  if (!moduleSymbol) throw new Error(`no module symbol for ${declarations}`)
  const exported = checker.getExportsOfModule(moduleSymbol)
  const instance = exported.find((symbol) => symbol.name === 'AgentTasks')
  const instanceType = instance && checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(instance))
  return {
    exports: exported.map((symbol) => symbol.name).sort(),
    instanceMembers: (instanceType?.getProperties() ?? []).map((symbol) => symbol.name).sort(),
  }
}
