/** Reads the action's inputs (INPUT_* variables) into Settings. */
import * as core from '@actions/core'
import os from 'node:os'
import { parseSettings, type Settings } from './settings.js'

export const INPUT_NAMES = [
  'issuer-id',
  'key-id',
  'private-key',
  'app-id',
  'bundle-id',
  'platform',
  'version',
  'mapping',
  'mode',
  'dry-run',
  'wait-for-processing',
  'processing-timeout',
  'concurrency',
  'locales',
  'api-base-url',
  'report-path',
  'on-empty-glob',
  'media-api'
] as const

export function getInputs(env: NodeJS.ProcessEnv = process.env): Settings {
  const raw: Record<string, string> = {}
  for (const name of INPUT_NAMES) raw[name] = core.getInput(name)
  // Mask before validation, so even an error message that quoted the key could not show it.
  if (raw['private-key']) core.setSecret(raw['private-key'])
  return parseSettings(raw, {
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    ref: env.GITHUB_REF,
    tempDir: env.RUNNER_TEMP ?? os.tmpdir()
  })
}
