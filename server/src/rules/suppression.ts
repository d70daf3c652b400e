/**
 * Suppression pragmas (../../../docs/rules/README.md):
 *   # go-dockerfile ignore=GD104,GD110        the next instruction
 *   # go-dockerfile global ignore=GD110       the whole file
 *   # hadolint ignore=DL3019 / global ignore  mapped through each rule's peers
 *   # check=skip=JSONArgsRecommended         BuildKit's directive, the whole file
 */
import type { DockerfileModel } from '../dockerfile/model';
import type { Rule } from './types';

export interface Suppressions {
  global: Set<string>;
  /** Instruction start line -> codes ignored for it. */
  byLine: Map<number, Set<string>>;
}

export function readSuppressions(model: DockerfileModel, rules: readonly Rule[]): Suppressions {
  // The peer table and the sorted instruction lines only when a pragma asks (most files have none).
  let peerToCodes: Map<string, string[]> | undefined;
  const expand = (list: string): string[] => {
    peerToCodes ??= peerCodes(rules);
    return list.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean).flatMap((c) => (/^GD\d{3}$/.test(c) ? [c] : peerToCodes!.get(c) ?? []));
  };

  const global = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  let instructionLines: number[] | undefined;

  for (const c of model.comments) {
    const text = c.text.trim();
    const m = /^(go-dockerfile|hadolint)\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s]+)$/i.exec(text);
    const codes = m ? expand(m[3]) : [];
    if (m && m[2]) codes.forEach((x) => global.add(x));
    else if (m) {
      // The instruction directly below this comment block.
      instructionLines ??= model.instructions.map((i) => i.line).sort((a, b) => a - b);
      const next = instructionLines.find((l) => l > c.line);
      if (next !== undefined && onlyCommentsBetween(model, c.line, next)) {
        const set = byLine.get(next) ?? new Set<string>();
        codes.forEach((x) => set.add(x));
        byLine.set(next, set);
      }
    }
  }
  // BuildKit's check directive lives among the parser directives at the top of the file.
  for (const d of model.directives) {
    if (d.name.toLowerCase() !== 'check') continue;
    const m = /(?:^|;)\s*skip\s*=\s*([^;]*)/i.exec(d.value ?? '');
    if (m) {
      if (m[1].trim().toLowerCase() === 'all') rules.filter((r) => r.peers?.some((p) => !/^DL/.test(p))).forEach((r) => global.add(r.code));
      else expand(m[1]).forEach((x) => global.add(x));
    }
  }
  return { global, byLine };
}

function peerCodes(rules: readonly Rule[]): Map<string, string[]> {
  const peerToCodes = new Map<string, string[]>();
  for (const r of rules) for (const p of r.peers ?? []) peerToCodes.set(p.toUpperCase(), [...(peerToCodes.get(p.toUpperCase()) ?? []), r.code]);
  return peerToCodes;
}

/** No pragma applies: findings need no lookup of their instruction's line. */
export function suppressesNothing(s: Suppressions): boolean {
  return s.global.size === 0 && s.byLine.size === 0;
}

function onlyCommentsBetween(model: DockerfileModel, from: number, to: number): boolean {
  for (let l = from + 1; l < to; l++) {
    const t = model.lines.lineText(l).trim();
    if (t !== '' && !t.startsWith('#')) return false;
  }
  return true;
}

export function isSuppressed(s: Suppressions, code: string, instructionLine: number | undefined): boolean {
  return s.global.has(code) || (instructionLine !== undefined && (s.byLine.get(instructionLine)?.has(code) ?? false));
}
