/**
 * Reads the action's inputs into Settings. The runner passes input `name` as the variable
 * INPUT_<NAME> (spaces as _, upper-case); this reads it exactly as @actions/core's getInput does
 * (trimmed, '' when unset), without loading @actions/core before the first request.
 */
import os from 'node:os'
import { registerSecret } from '../report/redact.js'
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

export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export function getInputs(env: NodeJS.ProcessEnv = process.env): Settings {
  const raw: Record<string, string> = {}
  for (const name of INPUT_NAMES) raw[name] = getInput(name, env)
  // Registered before validation, so even an error message that quoted the key could not show it (masked on the runner once @actions/core loads, before any output).
  registerSecret(raw['private-key'])
  return parseSettings(raw, {
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    ref: env.GITHUB_REF,
    tempDir: env.RUNNER_TEMP ?? os.tmpdir()
  })
}
