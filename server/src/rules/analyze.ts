/**
 * The one entry point every consumer uses: model (+ workspace) -> findings, with
 * suppression and configuration applied. Diagnostics, code actions, the CLI and fix-all
 * all read these findings.
 */
import { finalStageIndex } from '../dockerfile/facts';
import { instructionAt, type DockerfileModel } from '../dockerfile/model';
import { ShellParserNotReady } from '../dockerfile/shell';
import { editsKeepNestedScripts } from '../edits/nestedScripts';
import { unbuiltStages } from '../facts/unbuiltStages';
import type { WorkspaceModel } from '../workspace/model';
import type { ReleaseSource } from '../workspace/types';
import type { RulesConfig } from './config';
import { RULES } from './registry';
import { isSuppressed, readSuppressions, suppressesNothing } from './suppression';
import { reusePlan, stageFindings, type ReusePlan, type StageFindings } from './stageReuse';
import { fixIsLazy, type Finding, type Fix, type Severity, type LazyFixFinding, type Rule, type RuleContext, type RuleFinding, type WorkspaceFiles } from './types';

export interface AnalyzeOptions {
  workspace?: WorkspaceModel;
  files?: WorkspaceFiles;
  /** The build context was given, not guessed (RuleContext.contextGiven). */
  contextGiven?: boolean;
  /** The Dockerfile's context-relative path (RuleContext.dockerfile). */
  dockerfile?: string;
  /** The repository a release tool builds the binaries in (RuleContext.release). */
  release?: ReleaseSource;
  rules?: RulesConfig;
  /** The build target (`--target`); the final stage otherwise is the last one. */
  target?: string;
  /** For tests: run only these rules. */
  only?: readonly Rule[];
  /** Called when a rule throws: a bug in one rule never hides the others' findings. */
  onRuleError?: (code: string, error: unknown) => void;
}

export function analyze(model: DockerfileModel, opts: AnalyzeOptions = {}): Finding[] {
  return analyzeReusing(model, opts).findings;
}

/**
 * analyze, keeping what stage-scoped rules found per stage: given what the analysis of an
 * earlier version of the same document left (`previous`), such a rule runs again only for the
 * stages whose chain's text changed (rules/stageReuse.ts). The findings are those of analyze.
 */
export function analyzeReusing(model: DockerfileModel, opts: AnalyzeOptions = {}, previous?: StageFindings): { findings: Finding[]; stageFindings?: StageFindings } {
  // Over a size limit the model is empty: rules would only report what is missing from it.
  if (model.notAnalysed) return { findings: [] };
  const ctx: RuleContext = {
    model,
    finalStage: finalStageIndex(model, opts.target),
    workspace: opts.workspace,
    files: opts.files,
    contextGiven: opts.contextGiven === true,
    dockerfile: opts.dockerfile,
    release: opts.release,
  };
  const kept = stageFindings(model, ctx);
  const plan = reusePlan(previous, kept, model);
  const rules = opts.only ?? RULES;
  const suppressions = readSuppressions(model, RULES);
  const anySuppressed = !suppressesNothing(suppressions);
  const findings: Finding[] = [];
  // The stages no build builds, or the build of the given target does not (facts/unbuiltStages.ts): what a stage-scoped rule finds in one is
  // about instructions that never run and a base that is never pulled, so it is not reported. It
  // is still kept per stage: another edit may make the stage built again.
  let unbuilt: ReadonlySet<number> | undefined;
  // A target the user named (not the last stage by default): that build's stages only.
  const targetGiven = opts.target !== undefined && model.stages[ctx.finalStage]?.name === opts.target.toLowerCase();
  // What each stage-scoped rule found per stage (or what it threw), run first, block by block.
  const staged = runStageRules(rules, opts, ctx, previous, plan, kept);
  for (const rule of rules) {
    const setting = opts.rules?.[rule.code];
    if (setting === 'off') continue;
    if (rule.needsWorkspace && !ctx.workspace) continue;
    let results: RuleFinding[];
    try {
      if (rule.scope === 'stage') {
        const run = staged.get(rule)!;
        if (run.failed) throw run.error;
        const perStage = run.perStage;
        results = [];
        // Indexed loops here and below: they run for every rule and stage of a long file on each
        // keystroke, often before V8 optimises this function, and an unoptimised for-of allocates
        // an iterator result per element.
        let inherited = false;
        for (let s = 0; s < model.stages.length; s++) {
          const found = perStage[s];
          if ((unbuilt ??= unbuiltStages(model, ctx.finalStage, ctx.workspace, ctx.files, targetGiven)).has(s)) continue;
          const own = model.stages[s].from.span.start;
          for (let k = 0; k < found.length; k++) {
            if (found[k].span.start < own) inherited = true;
            results.push(found[k]);
          }
        }
        kept.found.set(rule.code, perStage);
        // A finding on an instruction of a stage built FROM (an inherited ENTRYPOINT: GD212,
        // GD213) comes from each image that starts it, alike: the first is kept.
        if (inherited) results = withoutRepeats(results);
      } else {
        results = rule.check(ctx);
        if (rule.inStage && results.length > 0) {
          unbuilt ??= unbuiltStages(model, ctx.finalStage, ctx.workspace, ctx.files, targetGiven);
          if (unbuilt.size > 0) results = results.filter((r) => !unbuilt!.has(instructionAt(model, r.span.start)?.stage ?? -1));
        }
      }
    } catch (e) {
      // A rule that parses a script the grammar must read, before it is loaded (the CLI loads
      // it on demand): the caller loads it and analyses again.
      if (e instanceof ShellParserNotReady) throw e;
      opts.onRuleError?.(rule.code, e);
      continue;
    }
    for (let k = 0; k < results.length; k++) {
      const r = results[k];
      if (anySuppressed && isSuppressed(suppressions, rule.code, instructionLineAt(model, r.span.start))) continue;
      const severity = setting ?? r.severity ?? rule.severity;
      const finding: Finding = !fixIsLazy(r)
        ? { code: rule.code, severity, message: r.message, span: r.span, fix: keepsNestedScripts(model, r.fix) }
        : new LazyFinding(rule.code, severity, r, model, opts.onRuleError);
      findings.push(finding);
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { findings, stageFindings: kept };
}

/**
 * Stages per block of runStageRules: a block's stages (their instructions, scripts and the facts
 * kept on them) stay in the processor's caches while every stage-scoped rule reads them. Rule by
 * rule over all the stages of a long file, each rule read every stage's objects from memory again
 * (the 700 stages of bench/analysis.bench.mjs's 14,000-line file, tens of MB of objects: a profile
 * put a large share of the time on plain loads such as `model.stages[s].from.span.start` in
 * analyzeReusing). In a Dockerfile of 64 stages or fewer each rule runs over all its stages in turn, as
 * before (the stage-scoped rules now all before the others).
 */
const STAGE_BLOCK = 64;

/** What a stage-scoped rule found in each stage, or the error it threw (then nothing is kept). */
interface StageRun {
  readonly rule: Rule;
  readonly reuse: ReusePlan | null;
  readonly old: RuleFinding[][] | undefined;
  readonly perStage: RuleFinding[][];
  failed: boolean;
  error: unknown;
}

/**
 * Runs every stage-scoped rule that runs (not off, its workspace there) over every stage: block by
 * block of STAGE_BLOCK stages, every rule over a block before the next block. Rules and facts are
 * pure, so the order they run in changes nothing of what they find; what each found is put
 * together rule by rule in analyzeReusing, as before. A rule that throws (in its reuseKey or in
 * one stage) is not run further, and analyzeReusing reports that error in its turn.
 */
function runStageRules(rules: readonly Rule[], opts: AnalyzeOptions, ctx: RuleContext, previous: StageFindings | undefined, plan: ReusePlan | null, kept: StageFindings): Map<Rule, StageRun> {
  const model = ctx.model;
  const runs: StageRun[] = [];
  const byRule = new Map<Rule, StageRun>();
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    if (rule.scope !== 'stage' || opts.rules?.[rule.code] === 'off' || (rule.needsWorkspace && !ctx.workspace)) continue;
    let run: StageRun;
    try {
      // What else the rule's stage findings depend on: when it changed, none is kept.
      const key = rule.reuseKey?.(ctx);
      if (key !== undefined) kept.keys.set(rule.code, key);
      const reuse = key === undefined || previous?.keys.get(rule.code) === key ? plan : null;
      run = { rule, reuse, old: previous?.found.get(rule.code), perStage: [], failed: false, error: undefined };
      runs.push(run);
    } catch (e) {
      if (e instanceof ShellParserNotReady) throw e;
      run = { rule, reuse: null, old: undefined, perStage: [], failed: true, error: e };
    }
    byRule.set(rule, run);
  }
  if (runs.length === 0) return byRule;
  // The context of each stage: one per stage, not one per rule and stage.
  const stageCtx: RuleContext[] = model.stages.map((stage) => ({ model, finalStage: ctx.finalStage, workspace: ctx.workspace, files: ctx.files, contextGiven: ctx.contextGiven, dockerfile: ctx.dockerfile, release: ctx.release, stages: [stage] }));
  // Indexed loops: they run for every rule and stage of a long file on each keystroke, often before
  // V8 optimises this function, and an unoptimised for-of allocates an iterator result per element.
  const n = model.stages.length;
  for (let from = 0; from < n; from += STAGE_BLOCK) {
    const to = Math.min(n, from + STAGE_BLOCK);
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r];
      for (let s = from; s < to && !run.failed; s++) {
        try {
          // Stage by stage (a fresh run too, so both give the same): each stage's findings are kept.
          run.perStage.push(run.reuse?.moved(s, run.old?.[s], run.rule) ?? ownSpans(run.rule.check(stageCtx[s])));
        } catch (e) {
          // A rule that parses a script the grammar must read, before it is loaded (the CLI loads
          // it on demand): the caller loads it and analyses again.
          if (e instanceof ShellParserNotReady) throw e;
          run.failed = true;
          run.error = e;
        }
      }
    }
  }
  return byRule;
}

/**
 * The fix, unless an edit of it would break the quoting of a `sh -c '…'` string whose commands the
 * rule saw (edits/nestedScripts.ts): a rule offers no fix there rather than a broken one.
 */
function keepsNestedScripts(model: DockerfileModel, fix: Fix | undefined): Fix | undefined {
  return fix && !editsKeepNestedScripts(model, fix.edits) ? undefined : fix;
}

/** The findings less those with the span and message of an earlier one. */
function withoutRepeats(found: RuleFinding[]): RuleFinding[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = `${f.span.start}:${f.span.end}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Kept for the next version, a stage's findings must keep this version's offsets, but a rule
 * may give an instruction's own span (`span: instr.span`), which the next parse moves in place
 * (dockerfile/parse.ts): each gets a span of its own.
 */
function ownSpans(found: RuleFinding[]): RuleFinding[] {
  for (const f of found) f.span = { start: f.span.start, end: f.span.end };
  return found;
}

/** The start line of the instruction containing an offset. */
export function instructionLineAt(model: DockerfileModel, offset: number): number | undefined {
  return instructionAt(model, offset)?.line;
}

/** A finding whose rule builds its fix on first read (rules/types.ts withLazyFix). */
class LazyFinding implements Finding {
  readonly message: string;
  readonly span: RuleFinding['span'];

  constructor(readonly code: string, readonly severity: Severity, private readonly found: LazyFixFinding, private readonly model: DockerfileModel, private readonly onError: AnalyzeOptions['onRuleError']) {
    this.message = found.message;
    this.span = found.span;
  }

  // A fix that throws is the rule's error, as a throwing check is.
  get fix(): Fix | undefined {
    try {
      return keepsNestedScripts(this.model, this.found.fix);
    } catch (e) {
      this.onError?.(this.code, e);
      return undefined;
    }
  }
}
