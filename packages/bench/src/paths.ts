/** The two kinds of request measured on both routes. */
export interface BenchPath {
  name: 'create' | '401'
  description: string
  signedIn: boolean
  /** What counts as a success. */
  expected: (status: number) => boolean
}

export const PATHS: BenchPath[] = [
  { name: 'create', description: 'signed-in POST that mints a link', signedIn: true, expected: (status) => status >= 200 && status < 300 },
  { name: '401', description: 'signed-out POST', signedIn: false, expected: (status) => status === 401 },
]
