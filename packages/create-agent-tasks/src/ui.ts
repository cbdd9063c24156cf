import { intro, log, note, outro, spinner } from '@clack/prompts'

/** A step that takes a while: a spinner on a terminal, a line before and after elsewhere. */
export interface Progress {
  done(message: string): void
  failed(message: string): void
}

/** What the scaffold tells the user on stdout; errors go to stderr, from main. */
export interface Ui {
  begin(title: string): void
  info(message: string): void
  progress(message: string): Progress
  finish(title: string, lines: string[], farewell: string): void
}

/** Clack's frame, spinner and note: for a terminal. */
export const terminalUi: Ui = {
  begin: (title) => intro(title),
  info: (message) => log.info(message),
  progress(message) {
    const spin = spinner()
    spin.start(message)
    return { done: (text) => spin.stop(text), failed: (text) => spin.error(text) }
  },
  finish(title, lines, farewell) {
    note(lines.join('\n'), title)
    outro(farewell)
  },
}

/** Plain lines, for logs and scripts (stdout is not a terminal). */
export const plainUi: Ui = {
  begin: (title) => say(title),
  info: (message) => say(message),
  progress(message) {
    say(`${message}…`)
    return { done: say, failed: say }
  },
  finish(title, lines, farewell) {
    say(`\n${title}:`)
    for (const line of lines) say(`  ${line}`)
    say(`\n${farewell}`)
  },
}

function say(line: string): void {
  process.stdout.write(`${line}\n`)
}
