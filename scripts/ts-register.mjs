/**
 * Lets plain `node` run TypeScript sources: `node --import ./scripts/ts-register.mjs src/x.ts`.
 * Registers tsx's ESM loader hooks (tsx/esm/api's register() calls node:module register under the hood).
 */
import { register } from 'tsx/esm/api'

register()
