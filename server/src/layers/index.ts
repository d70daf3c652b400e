/** The layer model: public API for the CLI, the LSP request and tests. */
export type * from './model';
export { buildLayerModel, representativeGoFile, type LayerOptions } from './build';
export { toContextPath, type ContextFileSet } from './contextFiles';
export { formatBytes } from '../bytes';
export { formatText, reasonText } from './format';
export { sourceCovers, excludedBy } from '../dockerfile/copySources';
