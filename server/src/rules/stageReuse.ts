/**
 * Keeping the findings of stage-scoped rules (Rule.scope 'stage') across versions of a document.
 *
 * A stage's region is its text from its FROM to the next FROM (the last one to the end; the
 * global region is everything before the first FROM). A stage rule's findings for a stage
 * depend only on the regions of the stage's FROM chain, on the stage list (names, bases,
 * platforms), what `COPY --from` copies out of which stage, which cache mounts a `go mod
 * download` fills in which stage, the stages images are built from (dockerfile/facts.ts
 * imageStages), which stages each stage reads (FROM, `--from`), the global ARGs, the parser
 * directives, the final stage, the Dockerfile's path and the workspace. So
 * when all of those are as they were, and the chain's regions have the same text (found from
 * the common prefix and suffix of the two texts), the previous findings are those of a fresh
 * run, moved: every offset in them (spans and fix edits) lies in an unchanged region and moves
 * with it. An offset in no unchanged region makes the stage run again.
 */
import { baseStageCandidates, imageStages, stageChain, stagesReadBy } from '../dockerfile/facts';
import { moduleDownloadCaches, stageRef } from '../dockerfile/goBuild';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { textChange } from '../dockerfile/text';
import { fixIsLazy, type Rule, type RuleContext, type RuleFinding } from './types';

/** What an analysis leaves for the next version's. */
export interface StageFindings {
  text: string;
  /** Everything besides the regions' text that a stage rule may read (see stageShape). */
  readonly shape: string;
  workspace: RuleContext['workspace'];
  files: RuleContext['files'];
  /** Region starts: the global region's (0), then each stage's FROM; the text's length last. */
  bounds: number[];
  /** The line of each stage's FROM. */
  fromLines: number[];
  /** Per stage-scoped rule code, per stage index: what the rule reported for that stage. */
  found: Map<string, RuleFinding[][]>;
  /** Per stage-scoped rule with a Rule.reuseKey: its key for this version. */
  keys: Map<string, string>;
}

/**
 * Builds the fixes still to be built (withLazyFix) of what an analysis kept, while its model is
 * intact: the next version's parse moves that model's instructions into the new one (in place),
 * and a fix built from them afterwards would mix the two versions' offsets.
 */
export function settleFixes(kept: StageFindings): void {
  for (const perStage of kept.found.values()) {
    for (let s = 0; s < perStage.length; s++) {
      const found = perStage[s];
      for (let k = 0; k < found.length; k++) if (fixIsLazy(found[k])) void found[k].fix;
    }
  }
}

export function stageFindings(model: DockerfileModel, ctx: RuleContext): StageFindings {
  return new KeptFindings(model, ctx);
}

/**
 * The shape only when the next version's analysis compares it (a one-off analysis never does). It
 * reads no offsets, so the next parse moving this model's instructions leaves it unchanged. A
 * class getter, not a getter in an object literal: such a literal kept every analysed model alive
 * through V8's young-generation collections until a full GC (its getter, which holds the model,
 * seems to be reached from the old generation, likely through a hidden class of its own). The
 * copying of those models was most of the GC's work, about half of a 20-line analysis.
 */
class KeptFindings implements StageFindings {
  readonly text: string;
  readonly workspace: RuleContext['workspace'];
  readonly files: RuleContext['files'];
  readonly bounds: number[];
  readonly fromLines: number[];
  readonly found = new Map<string, RuleFinding[][]>();
  readonly keys = new Map<string, string>();
  private shapeText: string | undefined;

  constructor(private readonly model: DockerfileModel, private readonly ctx: RuleContext) {
    this.text = model.text;
    this.workspace = ctx.workspace;
    this.files = ctx.files;
    this.bounds = regionBounds(model);
    this.fromLines = model.stages.map((s) => s.from.line);
  }

  get shape(): string {
    return (this.shapeText ??= stageShape(this.model, this.ctx));
  }
}

function regionBounds(model: DockerfileModel): number[] {
  return [0, ...model.stages.map((s) => s.from.span.start), model.text.length];
}

function stageShape(model: DockerfileModel, ctx: RuleContext): string {
  return JSON.stringify([
    ctx.finalStage,
    ctx.contextGiven === true,
    ctx.dockerfile ?? null,
    // The stages each stage reads (FROM, `COPY --from`, `--mount=from=`): GD113 asks which feed a build's target.
    model.stages.map((s) => stagesRead(model, s)),
    model.eol,
    model.escape,
    model.directives,
    [...model.globalArgs],
    model.stages.map((s) => [s.index, s.name, s.base, s.resolvedBase, s.baseStage, s.platform]),
    copiedOut(model),
    // The stages images are built from (an ENTRYPOINT in another stage makes it one).
    [...imageStages(model, ctx.finalStage)],
    // GD104: the cache mounts another stage's `go mod download` fills.
    [...moduleDownloadCaches(model)].map(([id, runs]) => [id, runs.map((i) => i.stage)]),
  ]);
}

/** The stages a stage reads: its FROM's, and those its instructions copy or mount from (on every keystroke: no array per instruction). */
function stagesRead(model: DockerfileModel, stage: Stage): number[] {
  const out = baseStageCandidates(model, stage).slice();
  for (const i of stage.instructions) if (i.flags.length > 0) out.push(...stagesReadBy(model, i));
  return out;
}

/** Which stage each `COPY --from=<stage>` copies out of, and what: stage rules may ask what leaves their stage. */
function copiedOut(model: DockerfileModel): [number, string[]][] {
  const out: [number, string[]][] = [];
  for (const i of model.instructions) {
    const from = i.keyword === 'COPY' || i.keyword === 'ADD' ? i.flags.find((f) => f.name === 'from')?.value : undefined;
    const index = from ? stageRef(model, from) : null;
    if (index !== null) out.push([index, i.json ?? i.args.map((a) => a.value)]);
  }
  return out;
}

/** How the previous findings of each stage carry over to the current model (null: none do). */
export interface ReusePlan {
  /**
   * The previous findings of a stage, moved into the current text; null when it must run again.
   * What the rule declares it reads: `namesLines`, the findings name lines (Rule.namesLines), so
   * they are kept only while the stage's chain starts on the same lines; `readsDescendants`
   * (Rule.readsDescendants), also only while every stage built FROM it (its descendants) is
   * unchanged; `readsCopiedStages` (Rule.readsCopiedStages), also only while every stage it copies
   * or mounts from, transitively, is unchanged.
   */
  moved(stage: number, found: readonly RuleFinding[] | undefined, reads: Pick<Rule, 'namesLines' | 'readsDescendants' | 'readsCopiedStages'>): RuleFinding[] | null;
}

export function reusePlan(previous: StageFindings | undefined, current: StageFindings, model: DockerfileModel): ReusePlan | null {
  if (!previous || previous.workspace !== current.workspace || previous.files !== current.files || previous.shape !== current.shape) return null;
  const before = previous.text;
  const after = current.text;
  const oldB = previous.bounds;
  const newB = current.bounds;
  if (oldB.length !== newB.length) return null;
  const { prefix: p, suffix: q } = textChange(before, after);
  const delta = after.length - before.length;
  // Region r (0: global, s + 1: stage s) spans [bounds[r], bounds[r + 1]).
  const regions = oldB.length - 1;
  const shift: (number | null)[] = [];
  for (let r = 0; r < regions; r++) {
    const a = oldB[r], b = oldB[r + 1], a2 = newB[r], b2 = newB[r + 1];
    if (b <= p && a2 === a && b2 === b) shift.push(0);
    else if (a >= before.length - q && a2 - a === delta && b2 - b === delta) shift.push(delta);
    else shift.push(null);
  }
  if (shift[0] === null) return null;
  const unchanged = model.stages.map((s) => stageChain(model, s).every((c) => shift[c.index + 1] !== null));
  // An unchanged region that starts on the same line keeps all its lines.
  const sameLines = model.stages.map((s) => stageChain(model, s).every((c) => previous.fromLines[c.index] === current.fromLines[c.index]));
  // A stage whose descendants (stages whose chain holds it) are unchanged too; computed on first use.
  let descendantsUnchanged: boolean[] | undefined;
  const withDescendants = (stage: number): boolean => {
    if (!descendantsUnchanged) {
      const d = model.stages.map(() => true);
      for (const s of model.stages) if (!unchanged[s.index]) for (const c of stageChain(model, s)) d[c.index] = false;
      descendantsUnchanged = d;
    }
    return descendantsUnchanged[stage];
  };
  // A stage whose chain and the stages it reads (`--from`, transitively, with their chains) are unchanged; computed on first use.
  const readStagesUnchanged = new Map<number, boolean>();
  const withReadStages = (stage: number): boolean => {
    let known = readStagesUnchanged.get(stage);
    if (known === undefined) {
      known = true;
      const seen = new Set<number>();
      const todo = [stage];
      while (todo.length > 0 && known) {
        const s = model.stages[todo.pop()!];
        if (!s || seen.has(s.index)) continue;
        seen.add(s.index);
        if (!unchanged[s.index]) known = false;
        for (const c of stageChain(model, s)) for (const i of c.instructions) if (i.flags.length > 0) todo.push(...stagesReadBy(model, i));
      }
      readStagesUnchanged.set(stage, known);
    }
    return known;
  };
  /** The new offset of an offset into the old text, when it lies in an unchanged region (its end included). */
  const move = (x: number): number | null => {
    // The last region starting at or before x, else the one ending at x.
    let lo = 0, hi = regions - 1, at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (oldB[mid] <= x) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (at < 0 || x > oldB[at + 1]) return null;
    const s = shift[at] ?? (x === oldB[at] && at > 0 ? shift[at - 1] : null);
    return s === null ? null : x + s;
  };
  /** Fix edits moved already: an edit two findings share moves once. */
  const seen = new Set<object>();
  return {
    moved(stage, found, reads) {
      if (!found || !unchanged[stage] || (reads.namesLines && !sameLines[stage]) || (reads.readsDescendants && !withDescendants(stage)) || (reads.readsCopiedStages && !withReadStages(stage))) return null;
      // Every offset must move first: none is changed unless all of them can be.
      for (let k = 0; k < found.length; k++) if (!movable(found[k], move)) return null;
      for (let k = 0; k < found.length; k++) moveInPlace(found[k], move, seen);
      return found as RuleFinding[];
    },
  };
}

/** Every offset of the finding (its span, its fix's edits) lies in an unchanged region. */
function movable(f: RuleFinding, move: (x: number) => number | null): boolean {
  if (move(f.span.start) === null || move(f.span.end) === null) return false;
  const edits = f.fix?.edits;
  if (edits) for (let k = 0; k < edits.length; k++) if (move(edits[k].start) === null || move(edits[k].end) === null) return false;
  return true;
}

/**
 * Moves the finding's offsets in place. The previous version's analysis is not read again once
 * the next one is made (the language server keeps the newest), and new objects for every
 * finding after the edit were most of this step's time at 14,000 lines (half the findings move
 * at every keystroke there). Its span is its own (rules/analyze.ts ownSpans); a fix's edits
 * (files to create and edits of other files do not move with the Dockerfile's text) may be
 * shared by two findings, hence `seen`.
 */
function moveInPlace(f: RuleFinding, move: (x: number) => number | null, seen: Set<object>): void {
  f.span.start = move(f.span.start)!;
  f.span.end = move(f.span.end)!;
  const edits = f.fix?.edits;
  if (!edits) return;
  for (let k = 0; k < edits.length; k++) {
    const e = edits[k];
    if (seen.has(e)) continue;
    seen.add(e);
    e.start = move(e.start)!;
    e.end = move(e.end)!;
  }
}
