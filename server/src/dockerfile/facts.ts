/**
 * Facts derived from the model that several rules, the fixes and the layer model share:
 * which stage is final, what image a stage stands on, its environment, its go commands.
 */
import { lookupImage, type ImageInfo } from '../images/table';
import type { DockerfileModel, Instruction, Stage } from './model';
import { properties } from './parse';
import type { ShellCommand, ShellWord } from './shell';

/** The final stage: the `target` stage when given and present, else the last stage. */
export function finalStageIndex(model: DockerfileModel, target?: string): number {
  if (target) {
    const s = model.stages.find((st) => st.name === target.toLowerCase());
    if (s) return s.index;
  }
  return model.stages.length - 1;
}

/** The image at the root of a stage's FROM chain (null when unresolvable or a cycle). */
export function rootImage(model: DockerfileModel, stage: Stage): string | null {
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && s.baseStage !== null) {
    if (seen.has(s.index)) return null;
    seen.add(s.index);
    s = model.stages[s.baseStage];
  }
  return s?.resolvedBase ?? null;
}

export function stageImage(model: DockerfileModel, stage: Stage): ImageInfo | undefined {
  const ref = rootImage(model, stage);
  return ref ? lookupImage(ref) : undefined;
}

/** The stages whose instructions a stage inherits, itself last. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    chain.unshift(s);
    s = s.baseStage === null ? undefined : model.stages[s.baseStage];
  }
  return chain;
}

/** ENV values in effect just before `before` (inherited through FROM <stage>). */
export function envBefore(model: DockerfileModel, stage: Stage, before?: Instruction): Map<string, string | null> {
  const env = new Map<string, string | null>();
  for (const s of stageChain(model, stage)) {
    for (const instr of s.instructions) {
      if (instr === before) return env;
      if (instr.keyword === 'ENV') for (const p of properties(instr)) env.set(p.name, p.value);
    }
  }
  return env;
}

/** The user a stage runs as at its end: its last USER, else its base's, else the image's default. */
export function effectiveUser(model: DockerfileModel, stage: Stage): { user: string | null; instr: Instruction | null } {
  for (const s of stageChain(model, stage).reverse()) {
    const users = s.instructions.filter((i) => i.keyword === 'USER');
    const last = users[users.length - 1];
    if (last) return { user: last.args[0]?.value ?? null, instr: last };
  }
  return { user: stageImage(model, stage)?.defaultUser ?? null, instr: null };
}

export function isRootUser(user: string): boolean {
  const name = user.split(':')[0];
  return name === 'root' || name === '0';
}

export interface GoCommand {
  instr: Instruction;
  cmd: ShellCommand;
  /** `build`, `install`, `run`, `get`, `mod download`, `mod tidy`, `generate`, ... */
  sub: string;
  /** The words after the subcommand. */
  args: ShellWord[];
}

/** Every `go ...` command of a RUN, with prefix assignments (`CGO_ENABLED=0 go build`). */
export function goCommands(instr: Instruction): GoCommand[] {
  if (instr.keyword !== 'RUN' || !instr.script) return [];
  const out: GoCommand[] = [];
  for (const c of instr.script.parsed.commands) {
    const cmd = throughEnv(c);
    const name = cmd.argv[0]?.value;
    if (!name || !/(^|\/)go$/.test(name)) continue;
    const first = cmd.argv[1]?.value ?? '';
    if (first === 'mod' || first === 'work') {
      out.push({ instr, cmd, sub: `${first} ${cmd.argv[2]?.value ?? ''}`.trim(), args: cmd.argv.slice(3) });
    } else {
      out.push({ instr, cmd, sub: first, args: cmd.argv.slice(2) });
    }
  }
  return out;
}

/** `env [-i] A=1 B=2 go build ...` is `A=1 B=2 go build ...` (offsets kept). */
function throughEnv(cmd: ShellCommand): ShellCommand {
  if (cmd.argv[0]?.value !== 'env') return cmd;
  const env = [...cmd.env];
  let i = 1;
  for (; i < cmd.argv.length; i++) {
    const w = cmd.argv[i];
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value);
    if (m) env.push({ name: m[1], value: m[2], start: w.start, end: w.end });
    else if (w.value !== '-i' && w.value !== '-' && w.value !== '--ignore-environment') break;
  }
  return i < cmd.argv.length ? { env, argv: cmd.argv.slice(i), start: cmd.start, end: cmd.end } : cmd;
}

export function stageGoCommands(stage: Stage): GoCommand[] {
  return stage.instructions.flatMap(goCommands);
}

/** A stage that compiles Go (`go build` or `go install`). */
export function isBuilderStage(stage: Stage): boolean {
  return stageGoCommands(stage).some((g) => g.sub === 'build' || g.sub === 'install');
}

/** The value of a go flag in its `-f v`, `-f=v`, `--f v` forms; true for a boolean flag present. */
export function goFlag(args: ShellWord[], name: string): { value: string | true; word: ShellWord; valueWord?: ShellWord } | null {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') break;
    const m = /^--?([A-Za-z0-9_.-]+)(?:=(.*))?$/s.exec(v);
    if (!m || m[1] !== name) continue;
    if (m[2] !== undefined) return { value: m[2], word: args[i] };
    const next = args[i + 1];
    if (next && !next.value.startsWith('-') && VALUE_FLAGS.has(name)) return { value: next.value, word: args[i], valueWord: next };
    return { value: true, word: args[i] };
  }
  return null;
}

const VALUE_FLAGS = new Set(['o', 'ldflags', 'gcflags', 'asmflags', 'tags', 'mod', 'p', 'pkgdir', 'buildmode', 'compiler', 'gccgoflags', 'installsuffix', 'modfile', 'overlay', 'pgo', 'C', 'exec', 'toolexec', 'coverpkg', 'covermode', 'buildvcs']);

/** The package arguments of a go build/install (the non-flag words). */
export function goPackages(args: ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v.startsWith('-')) {
      const m = /^--?([A-Za-z0-9_.-]+)(=.*)?$/s.exec(v);
      if (m && !m[2] && VALUE_FLAGS.has(m[1])) i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

/** CGO_ENABLED as the command sees it: prefix assignment, else ENV; undefined when unset. */
export function cgoSetting(model: DockerfileModel, stage: Stage, g: GoCommand): string | null | undefined {
  const prefix = g.cmd.env.find((a) => a.name === 'CGO_ENABLED');
  if (prefix) return prefix.value;
  for (const c of g.instr.script?.parsed.commands ?? []) {
    if (c.start >= g.cmd.start) break;
    if (c.argv[0]?.value === 'export') for (const w of c.argv.slice(1)) {
      const m = /^CGO_ENABLED=(.*)$/.exec(w.value);
      if (m) return m[1];
    }
  }
  for (const a of g.instr.script?.parsed.assignments ?? []) if (a.name === 'CGO_ENABLED' && a.start < g.cmd.start) return a.value;
  const env = envBefore(model, stage, g.instr);
  return env.has('CGO_ENABLED') ? env.get('CGO_ENABLED') : undefined;
}
