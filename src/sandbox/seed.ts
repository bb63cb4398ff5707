/**
 * Seed data: the apps, versions, localizations and (optionally) existing media the sandbox starts with.
 * Tests that need a particular starting state pass their own SeedData to startSandbox.
 */
import type { Platform } from '../model.js'

export interface SeedAsset {
  id?: string
  fileName: string
  fileSize: number
  /** MD5 hex of the file, as Apple reports it. */
  sourceFileChecksum: string
  /** false: Apple has not published the checksum yet (it reads as null). Default true. */
  checksumPublished?: boolean
  /** Defaults to COMPLETE. */
  state?: 'COMPLETE' | 'FAILED' | 'AWAITING_UPLOAD'
}

export interface SeedSet {
  id?: string
  /** ScreenshotDisplayType (screenshot sets) or PreviewType (preview sets). */
  type: string
  assets: SeedAsset[]
}

export interface SeedLocalization {
  id: string
  locale: string
  screenshotSets?: SeedSet[]
  previewSets?: SeedSet[]
}

export interface SeedVersion {
  id: string
  platform: Platform
  versionString: string
  appVersionState: string
  localizations: SeedLocalization[]
}

export interface SeedApp {
  id: string
  bundleId: string
  name: string
  primaryLocale: string
  sku?: string
  appStoreVersions: SeedVersion[]
}

export interface SeedData {
  apps: SeedApp[]
}

/** The app every test, the demo and the benchmarks use unless they say otherwise. */
export function defaultSeed(): SeedData {
  return {
    apps: [
      {
        id: '1234567890',
        bundleId: 'com.example.aurora',
        name: 'Aurora',
        primaryLocale: 'en-US',
        sku: 'AURORA',
        appStoreVersions: [
          {
            id: 'a1b2c3d4-0120-4000-8000-000000000001',
            platform: 'IOS',
            versionString: '1.2.0',
            appVersionState: 'PREPARE_FOR_SUBMISSION',
            localizations: [
              { id: 'a1b2c3d4-0120-4000-8000-0000000000e1', locale: 'en-US' },
              { id: 'a1b2c3d4-0120-4000-8000-0000000000d1', locale: 'de-DE' },
              { id: 'a1b2c3d4-0120-4000-8000-0000000000a1', locale: 'ja' }
            ]
          },
          {
            id: 'a1b2c3d4-0110-4000-8000-000000000001',
            platform: 'IOS',
            versionString: '1.1.0',
            appVersionState: 'READY_FOR_DISTRIBUTION',
            localizations: [{ id: 'a1b2c3d4-0110-4000-8000-0000000000e1', locale: 'en-US' }]
          },
          {
            id: 'a1b2c3d4-0c12-4000-8000-000000000001',
            platform: 'MAC_OS',
            versionString: '1.2.0',
            appVersionState: 'PREPARE_FOR_SUBMISSION',
            localizations: [{ id: 'a1b2c3d4-0c12-4000-8000-0000000000e1', locale: 'en-US' }]
          }
        ]
      }
    ]
  }
}
