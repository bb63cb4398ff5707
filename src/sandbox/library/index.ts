/** The sandbox's App Asset Library (4.5.1): routes outside the 4.4.1 spec, state, reference data. */
export { LIBRARY_ROUTES, matchLibraryRoute, type LibraryMatch } from './routes.js'
export { libraryOf, LibraryState, type LibraryAsset, type Placement, type PlacementView } from './state.js'
export { buildRefData, type RefData, type ImageSpec, type VideoSpec } from './ref-data.js'
