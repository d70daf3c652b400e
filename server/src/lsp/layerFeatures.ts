/**
 * LSP wiring of the layer features in the editor: inlay hints (a size and what re-runs it per
 * layer, a summary per stage), hover on a FROM's image, and the last real-build measurement per
 * Dockerfile, which the client sends (`goDockerfile/measurement`). The server only receives
 * measurements as data: it never runs a builder.
 */
import type { Connection, Hover, HoverParams, InlayHint, InlayHintParams, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import { InlayHintKind, MarkupKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileModel } from '../dockerfile/model';
import { layersForRequest } from '../driver/layersRequest';
import type { Measurement } from '../measure/types';
import { MEASUREMENT_NOTIFICATION, type MeasurementParams } from '../protocol';
import type { Workspace } from '../workspace/load';
import { imageHoverAt } from './imageHover';
import { layerHints, type LayerHint } from './layerHints';


export interface LayerFeatureDeps {
  documents: TextDocuments<TextDocument>;
  modelOf(doc: TextDocument): DockerfileModel;
  workspaceOf(uri: string): Workspace | undefined;
  folders(): readonly string[];
  /** `goDockerfile.layerHints` (on by default). */
  enabled(): boolean;
  /** The shell grammar, loaded (awaiting it starts the load). */
  ready: PromiseLike<unknown>;
  log(m: string): void;
  /** The client said it handles `workspace/inlayHint/refresh`. */
  canRefresh(): boolean;
  /** Resolves once the document's findings for its newest version are published (see server.ts). */
  settled(uri: string): Promise<void>;
}

export interface LayerFeatures {
  capabilities(): ServerCapabilities;
  /** Our hover (a FROM's image), or null to let another provider answer. */
  hover(p: HoverParams): Hover | null;
  measurementFor(uri: string): Measurement | null;
  /** Ask the client to fetch the hints again (a workspace was read, a setting changed). */
  refresh(): void;
}

function isMeasurement(m: unknown): m is Measurement {
  if (!m || typeof m !== 'object') return false;
  const o = m as Record<string, unknown>;
  return typeof o.textHash === 'string' && typeof o.builder === 'string' && Array.isArray(o.steps) && Array.isArray(o.command)
    && o.steps.every((s) => s && typeof s === 'object' && typeof (s as { stage?: unknown }).stage === 'number' && typeof (s as { step?: unknown }).step === 'number');
}

export function registerLayerFeatures(connection: Connection, deps: LayerFeatureDeps): LayerFeatures {
  const measurements = new Map<string, Measurement>();
  const cache = new Map<string, { version: number; ws: unknown; m: Measurement | null; hints: LayerHint[] }>();
  let refreshing = false;

  const refresh = () => {
    cache.clear();
    if (refreshing || !deps.canRefresh()) return;
    refreshing = true;
    // The client may not support refresh: ignore its answer either way.
    connection.languages.inlayHint.refresh().then(() => (refreshing = false), () => (refreshing = false));
  };

  connection.onNotification(MEASUREMENT_NOTIFICATION, (p: MeasurementParams) => {
    if (!p || typeof p.uri !== 'string') return;
    if (p.measurement === null) measurements.delete(p.uri);
    else if (isMeasurement(p.measurement)) measurements.set(p.uri, p.measurement);
    else return deps.log(`${MEASUREMENT_NOTIFICATION}: ignored a malformed measurement for ${p.uri}`);
    refresh();
  });

  function hintsOf(doc: TextDocument): LayerHint[] {
    const ws = deps.workspaceOf(doc.uri);
    const m = measurements.get(doc.uri) ?? null;
    // One computation per document version, workspace model (a new one for every change that matters) and measurement.
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.ws === ws?.model && hit.m === m) return hit.hints;
    const model = deps.modelOf(doc);
    const src = { model, workspace: ws, folders: deps.folders(), measurement: m };
    const hints = layerHints({
      plain: layersForRequest({ uri: doc.uri }, src),
      go: layersForRequest({ uri: doc.uri, change: 'go' }, src),
      gomod: layersForRequest({ uri: doc.uri, change: 'gomod' }, src),
    });
    cache.set(doc.uri, { version: doc.version, ws: ws?.model, m, hints });
    return hints;
  }

  connection.languages.inlayHint.on(async (p: InlayHintParams, token): Promise<InlayHint[]> => {
    await deps.ready;
    if (!deps.enabled()) return [];
    // The hints are a whole-file pass (three layer models) per version: they come after the
    // findings of the newest version, and not at all when the editor has moved on meanwhile.
    await deps.settled(p.textDocument.uri);
    if (token.isCancellationRequested) return [];
    const doc = deps.documents.get(p.textDocument.uri);
    if (!doc) return [];
    try {
      const r = p.range;
      return hintsOf(doc)
        .filter((h) => h.position.line >= r.start.line && h.position.line <= r.end.line)
        .map((h) => ({ position: h.position, label: h.label, kind: InlayHintKind.Type, paddingLeft: true, tooltip: h.tooltip }));
    } catch (e) {
      deps.log(`layer hints for ${doc.uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
      return [];
    }
  });

  deps.documents.onDidClose((e) => cache.delete(e.document.uri));

  return {
    capabilities: () => ({ inlayHintProvider: { resolveProvider: false }, hoverProvider: true }),
    hover(p) {
      const doc = deps.documents.get(p.textDocument.uri);
      if (!doc) return null;
      try {
        const h = imageHoverAt(deps.modelOf(doc), doc.offsetAt(p.position));
        if (!h) return null;
        return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) } };
      } catch (e) {
        deps.log(`image hover failed: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      }
    },
    measurementFor: (uri) => measurements.get(uri) ?? null,
    refresh,
  };
}
