/**
 * Layer sizes in the editor: an inlay hint after each instruction that makes a layer
 * (`+4.5 MB est. · re-runs on .go edits`, the measured size when a real build was measured) and
 * a stage summary after each FROM. Plain function over LayerModels: the LSP wiring computes the
 * models (as they are, and for a .go and a go.mod edit) and turns hints into LSP InlayHints.
 */
import { formatBytes } from '../bytes';
import type { LayerModel, LayerStage, LayerStep } from '../layers/model';

export interface LayerHint {
  /** 0-based position where the hint goes (the end of the instruction). */
  position: { line: number; character: number };
  label: string;
  tooltip: string;
}

export interface HintModels {
  /** The model without a change (sizes, measurement). */
  plain: LayerModel;
  /** The model predicting a .go edit, and a go.mod edit. */
  go: LayerModel;
  gomod: LayerModel;
}

const key = (s: number, step: number) => `${s}:${step}`;

function rebuiltSet(m: LayerModel): Set<string> {
  const out = new Set<string>();
  for (const s of m.stages) for (const l of s.layers) if (l.rebuilt) out.add(key(s.index, l.step));
  return out;
}

/** What makes a step re-run, in words: the cheapest everyday edit that does. */
export function rerunText(stage: LayerStage, l: LayerStep, go: Set<string>, gomod: Set<string>): string {
  if (!stage.reachesFinal) return 'not built for the final image';
  const k = key(stage.index, l.step);
  if (go.has(k)) return 're-runs on .go edits';
  if (gomod.has(k)) return 're-runs on go.mod edits';
  const ctx = l.inputs.filter((i) => i.startsWith('context:') || i.startsWith('bind:')).map((i) => i.slice(i.indexOf(':') + 1));
  if (ctx.length) return `re-runs when ${ctx.slice(0, 2).join(', ')}${ctx.length > 2 ? ' …' : ''} change${ctx.length === 1 && !ctx[0].endsWith('/') && ctx[0] !== '.' ? 's' : ''}`;
  return 'cached until this line or an earlier step changes';
}

// Labels stay short: VS Code cuts inlay hints at 43 characters by default. The estimate's basis
// and the measured build are in the tooltip.
function sizeLabel(l: LayerStep, stale: boolean): string {
  if (l.measuredBytes !== null && l.createsLayer) return `+${formatBytes(l.measuredBytes)} measured${stale ? ', stale' : ''}`;
  return l.estimatedBytes !== null ? `+${formatBytes(l.estimatedBytes)} est.` : 'size unknown';
}

function stageSummary(m: LayerModel, s: LayerStage): string {
  const own = s.layers.filter((l) => l.createsLayer);
  const measured = own.length > 0 && own.every((l) => l.measuredBytes !== null);
  const bytes = measured ? own.reduce((n, l) => n + (l.measuredBytes ?? 0), 0) : s.estimatedBytes;
  const layers = `${own.length} layer${own.length === 1 ? '' : 's'}${bytes !== null ? ` +${formatBytes(bytes)}` : ''}`;
  if (s.final) {
    const f = m.finalImage;
    const image = f.measuredBytes !== null && m.measurement && !m.measurement.stale ? `image ${formatBytes(f.measuredBytes)} measured`
      : f.estimatedBytes !== null ? `image ~${formatBytes(f.estimatedBytes)} est.` : `image ≥ ${formatBytes(f.knownBytes)}`;
    return `${image} · ${layers}`;
  }
  const name = s.name ?? `stage ${s.index}`;
  const parts = [`${name}: ${layers}${bytes !== null ? (measured ? ' measured' : ' est.') : ''}`];
  const from = s.layers[0];
  if (!s.reachesFinal) parts.push('unused');
  else if (s.baseStage === null && from.estimatedBytes) parts.push(`base ${formatBytes(from.estimatedBytes)}`);
  return parts.join(' · ');
}

export function layerHints(models: HintModels): LayerHint[] {
  const { plain } = models;
  const go = rebuiltSet(models.go);
  const gomod = rebuiltSet(models.gomod);
  const stale = plain.measurement?.stale ?? false;
  const out: LayerHint[] = [];
  for (const s of plain.stages) {
    const from = s.layers[0];
    const summary = [`Base: ${from.estimateBasis}`];
    if (s.final && plain.measurement) summary.push(`Measured by ${plain.measurement.builder} at ${plain.measurement.at}${plain.measurement.stale ? ' (stale: the Dockerfile changed since)' : ''}`);
    out.push({ position: from.range.end, label: stageSummary(plain, s), tooltip: summary.join('\n') });
    for (const l of s.layers.slice(1)) {
      if (!l.createsLayer) continue;
      const label = `${sizeLabel(l, stale)} · ${rerunText(s, l, go, gomod)}`;
      const tooltip = [
        l.estimatedBytes !== null ? `Estimated ${formatBytes(l.estimatedBytes)}: ${l.estimateBasis}` : `Unknown before a build: ${l.estimateBasis}`,
        l.measuredBytes !== null ? `Measured ${formatBytes(l.measuredBytes)} by ${plain.measurement?.builder}${stale ? ' (stale: the Dockerfile changed since)' : ''}${l.measuredRan === true ? '; this step ran in that build' : l.measuredRan === false ? '; this step came from the cache in that build' : ''}` : '',
      ].filter(Boolean).join('\n');
      out.push({ position: l.range.end, label, tooltip });
    }
  }
  return out;
}
