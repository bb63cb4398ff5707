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
  /** The version's App Store review detail, when it has one. */
  reviewDetail?: { id: string; notes?: string; contactEmail?: string }
}

export interface SeedAppClip {
  id: string
  bundleId: string
  defaultExperiences?: { id: string; releaseWithAppStoreVersion?: string; localizations: { id: string; locale: string }[] }[]
  advancedExperiences?: { id: string; link: string }[]
}

export interface SeedPage {
  id: string
  name: string
  versions: { id: string; state: string; localizations: { id: string; locale: string }[] }[]
}

export interface SeedExperiment {
  id: string
  name: string
  state: string
  platform: Platform
  treatments: { id: string; name: string; localizations: { id: string; locale: string }[] }[]
}

export interface SeedApp {
  id: string
  bundleId: string
  name: string
  primaryLocale: string
  sku?: string
  appStoreVersions: SeedVersion[]
  appClips?: SeedAppClip[]
  customProductPages?: SeedPage[]
  experiments?: SeedExperiment[]
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
            ],
            reviewDetail: { id: 'a1b2c3d4-0120-4000-8000-0000000000r1', notes: 'Sign in with the demo account.', contactEmail: 'review@example.com' }
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
          },
          {
            // No review detail: a run with review attachments for tvOS creates one.
            id: 'a1b2c3d4-0712-4000-8000-000000000001',
            platform: 'TV_OS',
            versionString: '1.2.0',
            appVersionState: 'PREPARE_FOR_SUBMISSION',
            localizations: [{ id: 'a1b2c3d4-0712-4000-8000-0000000000e1', locale: 'en-US' }]
          },
          {
            id: 'a1b2c3d4-0a12-4000-8000-000000000001',
            platform: 'VISION_OS',
            versionString: '1.2.0',
            appVersionState: 'PREPARE_FOR_SUBMISSION',
            localizations: [{ id: 'a1b2c3d4-0a12-4000-8000-0000000000e1', locale: 'en-US' }]
          }
        ],
        appClips: [
          {
            id: 'a1b2c3d4-c11p-4000-8000-000000000001',
            bundleId: 'com.example.aurora.Clip',
            defaultExperiences: [
              {
                id: 'a1b2c3d4-c11p-4000-8000-0000000000de',
                releaseWithAppStoreVersion: 'a1b2c3d4-0120-4000-8000-000000000001',
                localizations: [
                  { id: 'a1b2c3d4-c11p-4000-8000-0000000000e1', locale: 'en-US' },
                  { id: 'a1b2c3d4-c11p-4000-8000-0000000000d1', locale: 'de-DE' }
                ]
              }
            ],
            advancedExperiences: [{ id: 'a1b2c3d4-c11p-4000-8000-0000000000ad', link: 'https://aurora.example.com/clip/cafe' }]
          }
        ],
        customProductPages: [
          {
            id: 'a1b2c3d4-c990-4000-8000-000000000001',
            name: 'Summer campaign',
            versions: [
              {
                id: 'a1b2c3d4-c990-4000-8000-0000000000v1',
                state: 'PREPARE_FOR_SUBMISSION',
                localizations: [
                  { id: 'a1b2c3d4-c990-4000-8000-0000000000e1', locale: 'en-US' },
                  { id: 'a1b2c3d4-c990-4000-8000-0000000000d1', locale: 'de-DE' }
                ]
              }
            ]
          }
        ],
        experiments: [
          {
            id: 'a1b2c3d4-e990-4000-8000-000000000001',
            name: 'New icon test',
            state: 'PREPARE_FOR_SUBMISSION',
            platform: 'IOS',
            treatments: [{ id: 'a1b2c3d4-e990-4000-8000-0000000000t1', name: 'Treatment A', localizations: [{ id: 'a1b2c3d4-e990-4000-8000-0000000000e1', locale: 'en-US' }] }]
          }
        ]
      }
    ]
  }
}
