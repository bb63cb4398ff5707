/**
 * The action: read typed settings, open the connection (its first request, the app lookup, leaves
 * at once), then load and run the rest while that request is in flight. Only light modules are
 * imported statically here: @actions/core, YAML, globbing and the media probes load afterwards.
 */
import type { Started } from './action.js'
import { openConnection } from './connection.js'
import { getInputs } from './settings/action-inputs.js'

export async function run(): Promise<void> {
  let started: Started
  try {
    const settings = getInputs()
    started = { settings, connection: openConnection(settings) }
  } catch (failure) {
    started = { failure }
  }
  // Loading the rest blocks the event loop for tens of milliseconds: let the first request reach the wire first.
  await started.connection?.sent
  const { runAction } = await import('./action.js')
  await runAction(started)
}
