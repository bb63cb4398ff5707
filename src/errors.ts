/**
 * Named errors whose messages say what to do next. Everything thrown inside the action ends up in
 * one catch in main.ts, which prints `message` (already free of secrets) through core.setFailed.
 */

/** One problem with the user's input, located as precisely as we can. */
export interface Problem {
  /** The file the problem is in: the mapping file, or an asset file. Workspace-relative where possible. */
  file: string
  line?: number
  column?: number
  /** What is wrong and what is accepted, in one sentence. */
  message: string
  /** Groups problems for annotations ("mapping", "asset", "input", ...). */
  category?: string
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file
  return `${where}: ${p.message}`
}

/** Base class: an error the user can act on. */
export class ActionError extends Error {
  override name = 'ActionError'
}

/** Bad settings (action inputs, CLI flags, environment). Names the input. */
export class InputError extends ActionError {
  override name = 'InputError'
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`Input "${input}": ${message}`)
  }
}

/** One or more problems found before any write; nothing on App Store Connect was changed. */
export class ValidationError extends ActionError {
  override name = 'ValidationError'
  constructor(
    readonly problems: Problem[],
    headline = 'The mapping or its files have problems'
  ) {
    super(
      `${headline} (${problems.length}); nothing was changed on App Store Connect:\n` +
        problems.map(p => `  - ${formatProblem(p)}`).join('\n')
    )
  }
}

/** The app, version or localization the settings point at cannot be used. */
export class ResolveError extends ActionError {
  override name = 'ResolveError'
}

/** Apple processed an asset and rejected it, twice. */
export class ProcessingError extends ActionError {
  override name = 'ProcessingError'
}

/** A wait ran out (processing-timeout, rate-limit budget). */
export class TimeoutError extends ActionError {
  override name = 'TimeoutError'
}
