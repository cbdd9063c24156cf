/** Results go to stdout (what a script reads); everything about them to stderr. */
export const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  info: (text: string) => process.stderr.write(`${text}\n`),
  json: (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
}
