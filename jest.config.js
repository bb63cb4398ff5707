/** Jest in ESM mode: ts-jest compiles TypeScript as ES modules so ESM-only packages load natively. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  reporters: ['default', '<rootDir>/scripts/jest-count-reporter.cjs'],
  testTimeout: 60000,
  maxWorkers: 2
}
