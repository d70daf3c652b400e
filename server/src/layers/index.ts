/** The layer model: public API for the CLI, the LSP request and tests. */
export type * from './model';
export { buildLayerModel, representativeGoFile, type LayerOptions } from './build';
export { contextFilesOf, toContextPath, type ContextFileSet } from './context';
export { formatBytes } from '../bytes';
export { formatText, reasonText } from './format';
export { sourceCovers, excludedBy } from '../dockerfile/copySources';
export { LAYERS_REQUEST, awaitWorkspace, isLayersParams, layersForRequest, type LayersParams, type LayersSources } from './request';
