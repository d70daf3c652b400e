/**
 * The layer panel's browser side: renders the host's LayerModel. No Node, no vscode API but
 * postMessage; every string from the Dockerfile goes in as text (textContent), never as HTML.
 */
import type { Finding, HostMessage, LayerModel, LayerRow, MeasureState, StageRow, WebviewMessage, WhatIf } from '../layers/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;

const KIND_LABEL: Record<string, { icon: string; label: string }> = {
  base: { icon: '◆', label: 'base image' },
  'context-copy': { icon: '⇪', label: 'copies from the build context' },
  'stage-copy': { icon: '⇄', label: 'copies from another stage' },
  'package-install': { icon: '▣', label: 'installs packages' },
  'module-download': { icon: '⇣', label: 'downloads Go modules' },
  'go-build': { icon: '⚙', label: 'builds Go' },
  run: { icon: '▶', label: 'runs a command' },
  metadata: { icon: '·', label: 'metadata only (no layer)' },
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'unknown';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

function render(m: Extract<HostMessage, { type: 'model' }>): void {
  const { model, findings } = m;
  const focusedLine = (document.activeElement as HTMLElement | null)?.dataset?.line;
  root.replaceChildren(header(m), ...model.stages.map((s) => stage(s, model, findings)));
  // Keep keyboard focus on the same row across updates.
  if (focusedLine) root.querySelector<HTMLElement>(`.row[data-line="${CSS.escape(focusedLine)}"]`)?.focus();
}

function header(m: Extract<HostMessage, { type: 'model' }>): HTMLElement {
  const h = el('header', 'summary');
  h.append(el('h1', undefined, m.file));
  const total = el('p', 'total');
  const fi = m.model.finalImage;
  const estimate = typeof fi.estimatedBytes === 'number' ? `~${formatBytes(fi.estimatedBytes)} estimated` : `at least ${formatBytes(fi.knownBytes ?? 0)} estimated (some layers unknown)`;
  total.textContent = `Final image: ${fi.layers} layer${fi.layers === 1 ? '' : 's'} added${typeof fi.totalLayers === 'number' ? ` (${fi.totalLayers} with the base image)` : ''}, ${estimate}`;
  h.append(total);
  h.append(measureBar(m.model, m.measure));
  if (typeof m.model.cacheEfficiency === 'number') {
    h.append(el('p', 'efficiency', `Cache efficiency: ${Math.round(m.model.cacheEfficiency * 100)}% of steps reused when one .go file changes`));
  }
  const label = el('label', 'whatif');
  label.append(el('span', undefined, 'What if I change… '));
  const select = el('select');
  select.id = 'whatif';
  m.choices.forEach((c: WhatIf, i: number) => {
    const o = el('option', undefined, c.label);
    o.value = String(i);
    if (m.whatIf && (m.whatIf.label === c.label || (i === m.choices.length - 1 && m.whatIf.changedFiles))) o.selected = true;
    if (!m.whatIf && i === 0) o.selected = true;
    select.append(o);
  });
  if (m.whatIf?.changedFiles) select.options[select.options.length - 1].textContent = `A file of the build context: ${m.whatIf.label}`;
  select.addEventListener('change', () => vscode.postMessage({ type: 'whatIf', index: Number(select.value) }));
  label.append(select);
  h.append(label);
  const rebuilt = m.model.stages.flatMap((s) => s.layers).filter((l) => l.rebuilt).length;
  h.append(el('p', 'rebuilt-count', m.whatIf ? `${rebuilt} step${rebuilt === 1 ? '' : 's'} would re-run` : ''));
  return h;
}

function measureBar(model: LayerModel, state: MeasureState): HTMLElement {
  const p = el('p', 'measure');
  const x = model.measurement;
  if (x) {
    const fi = model.finalImage;
    const line = el('span', `measured-summary${x.stale ? ' stale' : ''}`, `Measured with ${x.builder}: final image ${formatBytes(fi.measuredBytes ?? x.finalBytes)}, ${x.ran.length} step${x.ran.length === 1 ? '' : 's'} ran${x.stale ? ' — stale: the Dockerfile changed since' : ''}`);
    line.title = `${x.command}\n${x.at}`;
    p.append(line, el('span', undefined, ' '));
  }
  if (state.available) {
    const b = el('button', 'measure-button', state.running ? 'Measuring…' : x ? 'Measure again' : 'Measure with a real build');
    b.disabled = state.running;
    b.title = state.detail;
    b.addEventListener('click', () => vscode.postMessage({ type: 'measure' }));
    p.append(b);
  } else if (!x && state.detail) {
    p.append(el('span', 'measure-off', state.detail));
  }
  return p;
}

function stage(s: StageRow, model: LayerModel, findings: Finding[]): HTMLElement {
  const section = el('section', `stage${s.final ? ' final' : ''}${s.reachesFinal === false ? ' unused' : ''}`);
  section.setAttribute('role', 'group');
  const title = `Stage ${s.index}${s.name ? ` “${s.name}”` : ''} — FROM ${s.base}`;
  section.setAttribute('aria-label', title);
  const h = el('h2', undefined, title);
  if (s.final) h.append(el('span', 'badge', 'final image'));
  if (s.reachesFinal === false) h.append(el('span', 'badge muted', 'not built for the final image'));
  section.append(h);
  // Bars compare the layers the Dockerfile makes; a base image (hundreds of MB) would flatten them.
  const max = Math.max(1, ...model.stages.flatMap((x) => x.layers).filter((l) => l.createsLayer).map((l) => l.measuredBytes ?? l.estimatedBytes ?? l.contextBytes ?? 0));
  const list = el('ul', 'rows');
  for (const l of s.layers) list.append(row(l, max, findings.filter((f) => f.line === l.line)));
  section.append(list);
  return section;
}

function row(l: LayerRow, max: number, findings: Finding[]): HTMLElement {
  const li = el('li', `row${l.createsLayer ? '' : ' meta'}${l.rebuilt ? ' rebuilt' : ''}`);
  li.tabIndex = 0;
  li.dataset.line = String(l.line);
  const kind = KIND_LABEL[l.kind] ?? { icon: '•', label: l.kind };
  const icon = el('span', `kind kind-${l.kind}`, kind.icon);
  icon.title = kind.label;
  icon.setAttribute('aria-hidden', 'true');
  const line = el('span', 'line', String(l.line));
  const text = el('span', 'instruction', l.instruction);
  text.title = l.instruction;
  const size = el('span', 'size');
  const bytes = l.measuredBytes ?? l.estimatedBytes ?? null;
  const bar = el('span', 'bar');
  bar.style.width = bytes && l.createsLayer ? `${Math.min(100, Math.max(2, Math.round((bytes / max) * 100)))}%` : '0';
  const estimate = el('span', 'bytes estimate', sizeText(l));
  estimate.title = l.estimateBasis ? `${l.estimatedBytes === null ? 'Unknown' : 'Estimated'}: ${l.estimateBasis}` : '';
  size.append(bar, estimate);
  if (typeof l.measuredBytes === 'number' && l.createsLayer) size.append(el('span', 'bytes measured', `${formatBytes(l.measuredBytes)} measured`));
  // The badges share the row's last cell, so a row with several stays on one line.
  const badges = el('span', 'badges');
  if (l.rebuilt) badges.append(el('span', 'badge rebuilt-badge', 're-runs'));
  if (l.measuredRan === true && l.kind !== 'base') badges.append(el('span', 'badge ran-badge', 'ran'));
  for (const f of findings) {
    const b = el('span', `finding ${f.severity}`, f.code);
    b.title = f.message;
    badges.append(b);
  }
  li.append(icon, line, text, size, badges);
  const described = [`line ${l.line}`, kind.label, l.instruction, sizeText(l), typeof l.measuredBytes === 'number' && l.createsLayer ? `${formatBytes(l.measuredBytes)} measured` : '', l.rebuilt ? 're-runs' : '', l.measuredRan ? 'ran in the last build' : '', ...findings.map((f) => `${f.code}: ${f.message}`)];
  li.setAttribute('aria-label', described.filter(Boolean).join(', '));
  li.addEventListener('click', () => vscode.postMessage({ type: 'reveal', line: l.line }));
  li.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      vscode.postMessage({ type: 'reveal', line: l.line });
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const rows = [...root.querySelectorAll<HTMLElement>('.row')];
      const i = rows.indexOf(li);
      rows[Math.min(rows.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    }
  });
  return li;
}

/** The estimate as a row shows it: `~4.5 MB est.`, `unknown`, the base image's size on FROM rows, `—` for metadata. */
function sizeText(l: LayerRow): string {
  if (l.kind === 'base') {
    if (typeof l.estimatedBytes !== 'number') return l.estimateBasis?.startsWith('continues') ? 'stage' : 'unknown';
    return `~${formatBytes(l.estimatedBytes)}${typeof l.compressedBytes === 'number' && l.compressedBytes > 0 ? ` (${formatBytes(l.compressedBytes)} gz)` : ''} base`;
  }
  if (!l.createsLayer) return '—';
  return typeof l.estimatedBytes === 'number' ? `~${formatBytes(l.estimatedBytes)} est.` : 'unknown';
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const m = event.data;
  if (m.type === 'model') render(m);
  else if (m.type === 'empty') root.replaceChildren(el('p', 'empty', m.reason));
});

vscode.postMessage({ type: 'ready' });
