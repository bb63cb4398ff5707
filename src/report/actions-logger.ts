/** The Logger for GitHub Actions: @actions/core groups, annotations with file and line, redaction. */
import * as core from '@actions/core'
import type { Logger } from './logger.js'
import { redact } from './redact.js'

export function actionsLogger(): Logger {
  return {
    debug: m => core.debug(redact(m)),
    info: m => core.info(redact(m)),
    warning: (m, a) => core.warning(redact(m), a ?? {}),
    error: (m, a) => core.error(redact(m), a ?? {}),
    // core.group ends the group in a finally block, so a throwing phase still closes its group.
    group: (name, fn) => core.group(name, fn)
  }
}
