/**
 * The action once its first request is in flight: run the pipeline and — whatever happened — write
 * outputs, the JSON report and the job summary. Any thrown value becomes core.setFailed with a
 * redacted message.
 */
import * as core from '@actions/core'
import type { Connection } from './connection.js'
import { ValidationError } from './errors.js'
import { deliverMedia, newResult, type RunResult } from './pipeline.js'
import { actionsLogger } from './report/actions-logger.js'
import { annotationsFor } from './report/annotations.js'
import { allEntries, countEntries } from './report/entries.js'
import { onSecretRegistered, redact } from './report/redact.js'
import { buildReport, writeReport } from './report/report-file.js'
import { renderSummary } from './report/summary.js'
import type { Settings } from './settings/settings.js'

/** What run() did before this module loaded: the settings and the open connection, or why there are none. */
export interface Started {
  settings?: Settings
  connection?: Connection
  failure?: unknown
}

export async function runAction(started: Started): Promise<void> {
  // Replays the secrets registered so far (the private key) as masks before anything is printed.
  onSecretRegistered(secret => core.setSecret(secret))
  const { settings, connection } = started
  let result: RunResult | undefined
  let failure = started.failure
  try {
    if (settings && failure === undefined) {
      result = newResult(settings)
      await deliverMedia(settings, { log: actionsLogger(), connection }, result)
    }
  } catch (error) {
    failure = error
  } finally {
    await finish(settings, result, failure)
  }
}

async function finish(settings: Settings | undefined, result: RunResult | undefined, failure: unknown): Promise<void> {
  const entries = result ? allEntries(result) : []
  const counts = countEntries(entries, result?.runs ?? [])
  const message = failure === undefined ? undefined : redact(failure instanceof Error ? failure.message : String(failure))
  const problems = failure instanceof ValidationError ? failure.problems : []
  for (const a of annotationsFor(problems)) core.error(a.message, a.properties)
  try {
    if (settings) {
      await writeReport(settings.reportPath, buildReport(result, entries, counts, message))
      core.setOutput('report', settings.reportPath)
    }
    core.setOutput('uploaded', counts.uploaded)
    core.setOutput('skipped', counts.skipped)
    core.setOutput('deleted', counts.deleted)
    core.setOutput('failed', counts.failed)
    core.setOutput('version-id', result?.version?.id ?? '')
    core.setOutput('version-ids', JSON.stringify(Object.fromEntries(Object.entries(result?.versions ?? {}).map(([platform, v]) => [platform, v.id]))))
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(renderSummary({ result, entries, counts, error: message, problems, reportPath: settings?.reportPath })).write()
    }
  } catch (e) {
    core.warning(`Could not write the report or summary: ${redact(String(e))}`)
  }
  if (message) core.setFailed(message)
  else if (counts.failed) core.setFailed(`${counts.failed} file(s) could not be delivered; see the job summary for Apple's reasons. A new run retries them.`)
}
