import type { ShellScript } from './shell';
import type { OverLimit } from './limits';
import type { Property } from './properties';
import type { LineTable, Span } from './text';

/** A word of an instruction's arguments, located in the document. */
export interface Word {
  value: string;
  span: Span;
}

export interface Flag {
  name: string;
  value: string | null;
  span: Span;
}

/** A shell script (RUN, or shell-form CMD/ENTRYPOINT) with offsets mapped into the document. */
export interface Script {
  /** The script as the shell sees it: line continuations and comment lines removed. */
  text: string;
  /**
   * Pairs (script offset, document offset), one per piece of the text copied unchanged from the
   * document (a continuation or skipped comment line separates pieces), in order, and last
   * (text.length, offset just past the end): text[i] is at base + doc + (i - scriptOffset) of
   * the last pair with scriptOffset <= i. Pairs, not an offset per character: most scripts are
   * one piece. An instruction moved by an edit before it keeps its map and gets a new base.
   */
  map: number[];
  base: number;
  /** Parsed commands; their offsets are script offsets: use `toDoc`. */
  parsed: ShellScript;
  /** The script is the body of a heredoc (`RUN <<EOF`). */
  heredoc: boolean;
  /**
   * An exec-form RUN whose JSON array runs a shell's `-c` string (`RUN ["sh", "-c", "go build …"]`):
   * the script is that string, written without JSON escapes (so each character is where the
   * map says); `open` and `close` are the document offsets of its JSON quotes, less `base`.
   * The instruction's `json` stays set: the RUN is exec form. Absent for shell form.
   */
  exec?: { open: number; close: number };
}

export interface Instruction {
  /** Upper-case keyword. */
  keyword: string;
  /** From the keyword to the end of the last argument (no trailing line break). */
  span: Span;
  /** 0-based lines. */
  line: number;
  endLine: number;
  /** Stage index, or -1 for instructions before the first FROM (global ARGs). */
  stage: number;
  flags: Flag[];
  /** Arguments after the flags, as the AST splits them. */
  args: Word[];
  /** Span of the arguments after the flags (null when there are none). */
  argsSpan: Span | null;
  /** Exec (JSON) form values for RUN/CMD/ENTRYPOINT/COPY/ADD, else null. */
  json: string[] | null;
  /** Shell form RUN/CMD/ENTRYPOINT. */
  script: Script | null;
  /** Heredocs (`<<EOF`): name as written, body span (null for an unterminated one). */
  heredocs: { name: string; body: Span | null }[];
  /**
   * ENV/ARG/LABEL key-value pairs, read by the parse (empty for other keywords; read them with
   * parse.ts `properties`). They hold no offsets: moving the instruction keeps them. A field
   * set when the instruction is made, not a WeakMap entry: one set per ENV cost the parse more
   * than reading the pairs, and every instruction keeps one shape.
   */
  properties?: Property[];
}

export interface Stage {
  index: number;
  /** Lower-case stage name (`AS name`), or null. */
  name: string | null;
  from: Instruction;
  /** The image or stage named by FROM, as written. */
  base: string;
  /**
   * The base with ARG defaults substituted; null when unknown: a variable has no default, the
   * default is a placeholder (`ARG TOOLS=scratch` under a stage that RUNs), or the variables pick
   * one of several stages (`FROM build-${ARCH}`). See parse.ts `assemble`.
   */
  resolvedBase: string | null;
  /** Index of the stage this one is built FROM, or null for an image. */
  baseStage: number | null;
  platform: string | null;
  instructions: Instruction[];
}

export interface DockerfileModel {
  text: string;
  lines: LineTable;
  eol: '\r\n' | '\n' | '\r';
  escape: string;
  instructions: Instruction[];
  stages: Stage[];
  /** Global ARG defaults (before the first FROM). */
  globalArgs: Map<string, string | null>;
  comments: { text: string; line: number; span: Span }[];
  /** Parser directives at the top of the file (`# escape=`, `# check=`). */
  directives: { name: string; value: string | null }[];
  /** Set when the text is over a size limit: the model is then empty and no rule runs. */
  notAnalysed: OverLimit | null;
}

/**
 * The symbols under which facts are kept on a model (dockerfile/facts.ts, goBuild.ts,
 * facts/memo.ts register theirs), and every model is made with all of them, undefined
 * (parse.ts). Added one at a time as rules asked for them, they gave the model a new hidden
 * class per fact, and the reads of each (stageChain's, on every rule's path) were megamorphic
 * lookups in a process-wide cache that other code evicts.
 */
const MODEL_FACT_SLOTS: symbol[] = [];

export function registerModelFactSlot(slot: symbol): void {
  MODEL_FACT_SLOTS.push(slot);
}

/*
 * The same for stages and instructions (dockerfile/facts.ts, goBuild.ts): a stage that got its
 * go commands, its ENV or its variables' values in whatever order a rule asked had one of many
 * hidden classes, and every rule's `stage.instructions` became a megamorphic lookup.
 */
const STAGE_FACT_SLOTS: symbol[] = [];
const INSTRUCTION_FACT_SLOTS: symbol[] = [];

export function registerStageFactSlot(slot: symbol): void {
  STAGE_FACT_SLOTS.push(slot);
}

export function registerInstructionFactSlot(slot: symbol): void {
  INSTRUCTION_FACT_SLOTS.push(slot);
}

/**
 * Defined, not assigned: V8 turns an object into a hash table (dictionary mode) once more than 12
 * properties are added to it by keyed stores (`model[slot] = …`), and the model has more fact
 * slots than that; every read of every model property (`model.stages`, each fact) was then a hash
 * lookup. A definition adds the property as a named one, which stays fast up to 128. Defining 21
 * slots on every model cost ~5 µs an analysis (3% at 20 lines), so they are defined once, on a
 * template, and each model is a clone of it (`{ ...template }` copies its hidden class whole):
 * every model then has one and the same hidden class.
 */
const SLOT: PropertyDescriptor = { value: undefined, writable: true, enumerable: true, configurable: true };
let template: DockerfileModel | null = null;
let templateSlots = 0;

function modelTemplate(): DockerfileModel {
  // Slots are registered as their modules load, before any parse; a late one rebuilds it.
  if (template && templateSlots === MODEL_FACT_SLOTS.length) return template;
  // The fields in newModel's order, so its named stores only overwrite them.
  const t: DockerfileModel = { text: '', lines: null as unknown as LineTable, eol: '\n', escape: '\\', instructions: [], stages: [], globalArgs: new Map(), comments: [], directives: [], notAnalysed: null };
  for (const slot of MODEL_FACT_SLOTS) Object.defineProperty(t, slot, SLOT);
  templateSlots = MODEL_FACT_SLOTS.length;
  return (template = t);
}

/** A model with every fact slot, undefined. */
export function newModel(f: DockerfileModel): DockerfileModel {
  return { ...modelTemplate(), text: f.text, lines: f.lines, eol: f.eol, escape: f.escape, instructions: f.instructions, stages: f.stages, globalArgs: f.globalArgs, comments: f.comments, directives: f.directives, notAnalysed: f.notAnalysed };
}

// Assigned: a stage's and an instruction's few slots stay under the 12 (test/unit/model-shape.test.ts).
export function withStageFactSlots(stage: Stage): Stage {
  for (const slot of STAGE_FACT_SLOTS) (stage as unknown as Record<symbol, unknown>)[slot] = undefined;
  return stage;
}

export function withInstructionFactSlots(instr: Instruction): Instruction {
  for (const slot of INSTRUCTION_FACT_SLOTS) (instr as unknown as Record<symbol, unknown>)[slot] = undefined;
  return instr;
}

/** Document offset of a script offset. */
export function toDoc(script: Script, offset: number): number {
  const map = script.map;
  const last = map.length - 2;
  if (offset >= map[last]) return script.base + map[last + 1];
  if (offset < 0) offset = 0;
  // The last piece starting at or before the offset.
  let lo = 0;
  let hi = last / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map[2 * mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return script.base + map[2 * lo + 1] + (offset - map[2 * lo]);
}

export function scriptSpan(script: Script, start: number, end: number): Span {
  // The end maps to one past the last character, not to whatever follows a continuation.
  return { start: toDoc(script, start), end: end > start ? toDoc(script, end - 1) + 1 : toDoc(script, start) };
}

/** The instruction whose span holds a document offset (its end included), or undefined (binary search: instructions do not overlap). */
export function instructionAt(model: DockerfileModel, offset: number): Instruction | undefined {
  const list = model.instructions;
  // The last instruction starting at or before the offset.
  let lo = 0;
  let hi = list.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].span.start <= offset) {
      at = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return at >= 0 && offset <= list[at].span.end ? list[at] : undefined;
}
