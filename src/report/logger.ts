/**
 * Logging seam shared by the action and the command line. The action's logger writes through
 * @actions/core (groups, annotations); the console logger writes plain lines. Both redact.
 */
import { redact } from './redact.js'

export interface Annotation {
  file?: string
  startLine?: number
  startColumn?: number
  title?: string
}

export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string, annotation?: Annotation): void
  error(message: string, annotation?: Annotation): void
  /** Runs fn inside a collapsible group that is closed even when fn throws. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

export interface ConsoleLoggerOptions {
  verbose?: boolean
  write?: (line: string) => void
}

export function consoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`))
  const where = (a?: Annotation) => (a?.file ? ` (${a.file}${a.startLine ? `:${a.startLine}` : ''})` : '')
  return {
    debug: m => {
      if (options.verbose) write(redact(`debug: ${m}`))
    },
    info: m => write(redact(m)),
    warning: (m, a) => write(redact(`warning${where(a)}: ${m}`)),
    error: (m, a) => write(redact(`error${where(a)}: ${m}`)),
    async group(name, fn) {
      write(redact(`── ${name}`))
      return fn()
    }
  }
}

/** A logger that records lines; for tests and for the JSON output mode. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  const base = consoleLogger({ verbose: true, write: l => lines.push(l) })
  return Object.assign(base, { lines })
}
