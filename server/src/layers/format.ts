/** LayerModel -> a readable text report: one table per stage and a summary line. */
import { formatBytes } from '../bytes';
import type { LayerModel, LayerStage, LayerStep, RebuildReason } from './model';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function stageLabel(m: LayerModel, i: number): string {
  const s = m.stages[i];
  return s ? (s.name ? `"${s.name}"` : `${s.index}`) : `${i}`;
}

export function reasonText(m: LayerModel, r: RebuildReason): string {
  switch (r.kind) {
    case 'files': return `${r.files.slice(0, 2).join(', ')}${r.files.length > 2 ? ` +${r.files.length - 2}` : ''} changed`;
    case 'dockerfile': return `line ${r.line} changed`;
    case 'arg': return `build arg ${r.name} changed`;
    case 'stage': return `stage ${stageLabel(m, r.stage)} re-runs`;
    case 'after': return `after line ${r.line}`;
    case 'base': return r.stage === null ? `FROM (line ${r.line}) changed` : `base stage ${stageLabel(m, r.stage)} re-runs`;
  }
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (c === r.length - 1 ? 0 : r[c].length))));
  return rows.map((r) => '  ' + r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

/** An estimate as shown: `~4.5 MB`, or `unknown`. */
export function estimateText(s: LayerStep): string {
  if (s.kind === 'base' && s.estimatedBytes === null) return s.estimateBasis.startsWith('continues') ? '-' : 'unknown';
  if (!s.createsLayer && s.kind !== 'base') return '-';
  return s.estimatedBytes === null ? 'unknown' : `~${formatBytes(s.estimatedBytes)}`;
}

function stepRow(m: LayerModel, s: LayerStep, predicting: boolean, measured: boolean): string[] {
  const ctx = s.contextFiles === null ? '-' : `${plural(s.contextFiles, 'file')}, ${formatBytes(s.contextBytes)}`;
  const row = [String(s.step), String(s.line), s.kind, s.createsLayer ? 'yes' : '-', ctx, estimateText(s)];
  if (measured) {
    row.push(s.createsLayer && s.measuredBytes !== null ? formatBytes(s.measuredBytes) : '-');
    row.push(s.measuredRan === null || s.step === 1 ? '-' : s.measuredRan ? 'ran' : 'cached');
  }
  if (predicting) row.push(s.rebuilt ? `yes (${reasonText(m, s.rebuildReason!)})` : '-');
  row.push(s.instruction);
  return row;
}

function stageHeader(m: LayerModel, s: LayerStage): string {
  const parts = [`Stage ${s.index}${s.name ? ` "${s.name}"` : ''}: FROM ${s.resolvedBase ?? s.base} (line ${s.line})`];
  if (s.final) parts.push('final image');
  else if (!s.reachesFinal) parts.push('unused: not built for the final image');
  else {
    const users = s.usedBy.map((u) => {
      const dep = m.stages[u].dependsOn.find((d) => d.stage === s.index)!;
      return `stage ${stageLabel(m, u)} (${dep.via === 'from' ? 'FROM' : dep.via === 'copy' ? 'COPY --from' : 'RUN --mount'}, line ${dep.line})`;
    });
    if (users.length) parts.push(`used by ${users.join(', ')}`);
  }
  return parts.join(' - ');
}

export function formatText(m: LayerModel): string {
  const out: string[] = [];
  if (m.dockerfile) out.push(`Dockerfile: ${m.dockerfile}`);
  if (m.context) out.push(`Build context: ${m.context.root} (${plural(m.context.files, 'file')}, ${formatBytes(m.context.bytes)} sent${m.context.partial ? ', incomplete' : ''})`);
  const predicting = m.change !== null;
  const measured = m.measurement !== null;
  if (m.measurement) {
    const x = m.measurement;
    out.push(`Measured: ${x.builder} at ${x.at}${x.stale ? ' (stale: the Dockerfile changed since)' : ''}: ${x.command}`);
  }
  for (const s of m.stages) {
    out.push('');
    out.push(stageHeader(m, s));
    const header = ['STEP', 'LINE', 'KIND', 'LAYER', 'CONTEXT', 'ESTIMATED'];
    if (measured) header.push('MEASURED', 'BUILD');
    if (predicting) header.push('RE-RUNS');
    header.push('INSTRUCTION');
    out.push(...table([header, ...s.layers.map((l) => stepRow(m, l, predicting, measured))]));
    for (const l of s.layers) {
      if (l.estimatedBytes === null && (l.createsLayer || l.kind === 'base') && l.estimateBasis && !l.estimateBasis.startsWith('continues')) out.push(`  line ${l.line}: unknown: ${l.estimateBasis}`);
    }
    const cache = [...new Set(s.layers.flatMap((l) => l.cacheMounts))];
    if (cache.length) out.push(`  cache mounts: ${cache.join(', ')}`);
  }
  out.push('');
  const f = m.finalImage;
  if (f.stage >= 0) {
    const base = f.baseImage ? ` on ${f.baseImage}` : '';
    const total = f.totalLayers !== null ? ` (${f.totalLayers} with the base image's)` : ' (plus the base image\'s)';
    const unknown = [f.unknownLayers ? plural(f.unknownLayers, 'layer') : '', f.baseImage && m.stages[f.stage] && baseBytesUnknown(m) ? 'the base image' : ''].filter(Boolean);
    const size = f.estimatedBytes !== null ? `~${formatBytes(f.estimatedBytes)}` : `at least ${formatBytes(f.knownBytes)} (unknown size: ${unknown.join(', ') || 'the base image'})`;
    const measuredText = f.measuredBytes !== null ? `; measured ${formatBytes(f.measuredBytes)}${m.measurement?.stale ? ' (stale)' : ''}` : '';
    out.push(`Final image: stage ${stageLabel(m, f.stage)}${base}, ${plural(f.layers, 'layer')}${total}, ${size.startsWith('~') ? `${size} estimated` : size}${measuredText}`);
  }
  if (m.change) {
    const c = m.change;
    const what = [c.files.length ? c.files.join(', ') : '', c.dockerfileLines.length ? `Dockerfile line ${c.dockerfileLines.join(', ')}` : '', c.args.length ? `build arg ${c.args.join(', ')}` : '']
      .filter(Boolean).join('; ') || 'nothing the build reads';
    out.push(`Change: ${what} -> ${c.rebuiltSteps} of ${plural(c.totalSteps, 'step')} re-run (${c.rebuiltLayers} of ${plural(c.totalLayers, 'layer')})`);
    if (c.ignored.length) out.push(`  no effect (outside the context or excluded by .dockerignore): ${c.ignored.join(', ')}`);
  }
  for (const w of m.warnings) out.push(`Warning: ${w}`);
  const built = m.stages.filter((s) => s.reachesFinal);
  const unused = m.stages.filter((s) => !s.reachesFinal);
  const layerSteps = built.reduce((n, s) => n + s.layerCount, 0);
  const eff = m.cacheEfficiencyDetail;
  const effText = eff ? `cache efficiency ${Math.round((eff.reused / eff.total) * 100)}% (${eff.reused} of ${plural(eff.total, 'layer step')} reused when ${eff.file} changes)` : 'cache efficiency: no layer steps';
  out.push(`Summary: ${plural(m.stages.length, 'stage')}${unused.length ? ` (${unused.length} unused: ${unused.map((s) => stageLabel(m, s.index)).join(', ')})` : ''}, ${plural(layerSteps, 'layer step')} built, final image ${plural(f.layers, 'layer')}; ${effText}`);
  return out.join('\n');
}

function baseBytesUnknown(m: LayerModel): boolean {
  const root = m.stages.find((s) => s.inFinalImage && s.baseImage !== null);
  return !root || root.baseImage!.approxBytes === null;
}
