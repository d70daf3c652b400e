/**
 * Which steps re-run for a change, with BuildKit's cache semantics:
 *  - A step's cache key is its instruction, the key of the step before it, and what it reads:
 *    the content of the files a COPY/ADD copies (after .dockerignore) or a RUN bind-mounts, the
 *    result of a stage it copies from or mounts, and the build args it sees (a RUN sees every
 *    ARG declared before it in its stage; other instructions only the ones they expand).
 *  - The first invalidated step of a stage re-runs, and every step after it (the chain is broken),
 *    except `COPY --link`, whose layer does not depend on what is below it.
 *  - A stage built FROM a stage that re-runs re-runs whole; a `COPY --from`/`--mount=from` of a
 *    stage that re-runs re-runs (BuildKit and buildah reuse it if the copied bytes come out
 *    identical — a prediction cannot know, so it says "re-runs").
 *  - Stages the final image does not need are not built, so nothing in them re-runs.
 * Metadata steps (ENV, LABEL, ...) after an invalidated step count as re-run, as buildah reports
 * them (BuildKit recomputes the image config; an edit of a LABEL alone re-runs nothing there).
 *
 * Held against buildah 1.28 (test/real-builds/layers.real.mjs): it skips unused stages, records
 * ENV/LABEL/USER/WORKDIR/... as empty history entries (no layer, WORKDIR included), keys COPY
 * (and COPY --from) on content, and misses at the first RUN after a changed build arg. Where it
 * differs from BuildKit: it does not re-run a RUN whose `--mount=type=bind` sources changed (it
 * keeps a stale result), and a stage that reaches `COPY --from=S` before S has started in the
 * same build misses that COPY's cache even when nothing changed.
 */
import { argDeclarations } from '../dockerfile/facts';
import type { Analysis, StepAnalysis } from './analyze';
import { stepReads } from './analyze';
import type { RebuildReason } from './model';

export interface ResolvedChange {
  /** Changed context-relative files that the build context sends. */
  files: string[];
  /** Changed Dockerfile lines, 1-based. */
  lines: Set<number>;
  /** Build args whose value changed. */
  args: Set<string>;
}

export interface Prediction {
  reasons: Map<StepAnalysis, RebuildReason>;
  stageRebuilt: Set<number>;
}

const touches = (lines: Set<number>, from: number, to: number) => {
  for (const l of lines) if (l >= from && l <= to) return true;
  return false;
};

export function predict(a: Analysis, change: ResolvedChange): Prediction {
  const reasons = new Map<StepAnalysis, RebuildReason>();
  const stageRebuilt = new Set<number>();
  // An edit of a global ARG line changes the value of the args it declares.
  const args = new Set(change.args);
  for (const instr of a.df.instructions) {
    if (instr.stage === -1 && instr.keyword === 'ARG' && touches(change.lines, instr.line + 1, instr.endLine + 1)) {
      for (const d of argDeclarations(a.df, instr)) args.add(d.name);
    }
  }

  for (const s of a.stages) {
    const index = s.stage.index;
    if (!a.built.has(index)) continue;
    const from = s.stage.from;
    const fromLine = from.line + 1;
    let start: RebuildReason | null = null;
    if (touches(change.lines, fromLine, from.endLine + 1)) start = { kind: 'dockerfile', line: fromLine };
    else {
      const arg = [...s.fromRefs].find((n) => args.has(n));
      if (arg) start = { kind: 'arg', name: arg };
      else if (s.baseStage !== null && stageRebuilt.has(s.baseStage)) start = { kind: 'base', stage: s.baseStage, line: fromLine };
    }
    let chain: RebuildReason | null = start;
    const pending = new Set<string>();
    for (const step of s.steps) {
      const own = ownReason(step, change, args, pending, stageRebuilt);
      if (step.instr.keyword === 'ARG') for (const n of step.declares) if (args.has(n)) pending.add(n);
      let reason: RebuildReason | null = own;
      if (!reason && chain && !step.link) reason = chain;
      if (!reason) continue;
      reasons.set(step, reason);
      if (!chain) chain = { kind: 'after', line: step.instr.line + 1 };
    }
    if (start || s.steps.some((st) => reasons.has(st))) stageRebuilt.add(index);
  }
  return { reasons, stageRebuilt };
}

function ownReason(step: StepAnalysis, change: ResolvedChange, args: Set<string>, pending: Set<string>, stageRebuilt: Set<number>): RebuildReason | null {
  const instr = step.instr;
  if (touches(change.lines, instr.line + 1, instr.endLine + 1)) return { kind: 'dockerfile', line: instr.line + 1 };
  const files = change.files.filter((f) => stepReads(step, f));
  if (files.length > 0) return { kind: 'files', files };
  const dep = step.stageDeps.find((d) => stageRebuilt.has(d.stage));
  if (dep) return { kind: 'stage', stage: dep.stage };
  if (pending.size > 0) {
    // RUN gets every declared build arg as environment; others only what they expand.
    const used = instr.keyword === 'RUN' ? [...pending][0] : [...step.refs].find((n) => pending.has(n));
    if (used) return { kind: 'arg', name: used };
  }
  return null;
}
