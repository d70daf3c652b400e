/**
 * GD115: a RUN uses a global ARG (declared before the first FROM) in a stage that never declares
 * it again. A global ARG is in scope only in FROM lines; inside a stage it is empty until an
 * `ARG NAME` in that stage brings it in. `go build -ldflags "-X main.version=$VERSION"` then
 * stamps an empty version, `git checkout $REF` checks out nothing, and so on, without an error.
 *
 * Not reported: a stage that declares the ARG (anywhere before the RUN) or is built FROM a stage
 * that declares it (ARGs are inherited, as ENV is), a stage whose FROM chain sets it with ENV, a name the script assigns itself (`VERSION=…`, `export`,
 * `read`), and names the base images set in their environment (PATH, HOME, GOPATH,
 * GOLANG_VERSION, GOTOOLCHAIN…): there the variable has a value, just not the ARG's.
 *
 * Fix (not safe: the RUN then sees the value, which changes what it builds): `ARG NAME` on the
 * line after the stage's FROM.
 */
import { argDeclarations, envBefore, stageChain } from '../dockerfile/facts';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { insertLinesAfter } from '../edits/edits';
import type { Rule, RuleFinding } from './types';

/** Variables the images we know set themselves: a RUN sees a value even without the ARG. */
const IMAGE_ENV = /^(PATH|HOME|HOSTNAME|PWD|SHELL|USER|TERM|LANG|LC_ALL|GOPATH|GOROOT|GOLANG_VERSION|GOTOOLCHAIN|GOBIN|GOCACHE|GOMODCACHE|GOFLAGS|GOPROXY|GOOS|GOARCH|CGO_ENABLED|TARGETPLATFORM|TARGETOS|TARGETARCH|TARGETVARIANT|BUILDPLATFORM|BUILDOS|BUILDARCH|BUILDVARIANT|HTTP_PROXY|HTTPS_PROXY|NO_PROXY|FTP_PROXY|ALL_PROXY|http_proxy|https_proxy|no_proxy|ftp_proxy|all_proxy)$/;

export const gd115: Rule = {
  code: 'GD115',
  name: 'global-arg-not-in-scope',
  summary: 'A RUN uses a global ARG that its stage does not declare',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'unsafe',
  facts: [],
  check(ctx) {
    const model = ctx.model;
    const globals = new Set([...model.globalArgs.keys()].filter((n) => !IMAGE_ENV.test(n)));
    if (globals.size === 0) return [];
    const out: RuleFinding[] = [];
    for (const stage of model.stages) {
      const reported = new Set<string>();
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN' || !instr.script) continue;
        const script = instr.script;
        const assigned = assignedNames(instr);
        for (const use of variableUses(script.text)) {
          if (!globals.has(use.name) || reported.has(use.name) || assigned.has(use.name)) continue;
          if (inScope(model, stage, instr, use.name)) continue;
          reported.add(use.name);
          const stamp = /-X[= ]+['"]?[^\s=]+=$/.test(script.text.slice(Math.max(0, use.start - 200), use.start));
          out.push({
            message: `\`$${use.name}\` is a global ARG (declared before the first FROM), but this stage does not declare \`ARG ${use.name}\`: inside a stage it is empty${stamp ? ', so the linker stamps an empty value (`-X …=`)' : ''}, whatever \`--build-arg\` says. Add \`ARG ${use.name}\` to this stage.`,
            span: scriptSpan(script, use.start, use.end),
            fix: {
              title: `Declare ARG ${use.name} in this stage`,
              edits: [insertLinesAfter(model, stage.from.endLine, [`ARG ${use.name}`])],
              safe: false,
            },
          });
        }
      }
    }
    return out;
  },
};

/** `$NAME`, `${NAME}`, `${NAME:-x}` in the script text (outside single quotes). */
function variableUses(text: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  let single = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" && !single) {
      // A single quote inside double quotes is literal; count quotes roughly by pairing.
      const before = text.slice(0, i);
      if ((before.split('"').length - 1) % 2 === 1) continue;
      single = true;
      continue;
    }
    if (c === "'" && single) {
      single = false;
      continue;
    }
    if (single || c !== '$') continue;
    if (i > 0 && text[i - 1] === '\\') continue;
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/.exec(text.slice(i));
    if (!m) continue;
    const close = m[1] ? text.indexOf('}', i) : -1;
    out.push({ name: m[1] ?? m[2], start: i, end: close >= 0 ? close + 1 : i + m[0].length });
  }
  return out;
}

/** Names the script sets itself: assignments, `export X=`, `read X`, `for X in`. */
function assignedNames(instr: Instruction): Set<string> {
  const names = new Set<string>();
  const parsed = instr.script!.parsed;
  for (const a of parsed.assignments) names.add(a.name);
  for (const c of parsed.commands) {
    for (const a of c.env) names.add(a.name);
    const cmd = c.argv[0]?.value;
    if (cmd === 'export' || cmd === 'declare' || cmd === 'local' || cmd === 'readonly' || cmd === 'read') {
      for (const w of c.argv.slice(1)) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(w.value);
        if (m && !w.value.startsWith('-')) names.add(m[1]);
      }
    }
  }
  for (const m of instr.script!.text.matchAll(/\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g)) names.add(m[1]);
  return names;
}

/**
 * The stage declares the ARG before `instr`, a stage it is built FROM declares it (BuildKit: a
 * stage inherits its parent stage's build arguments and variables), or its FROM chain sets it
 * with ENV.
 */
function inScope(model: DockerfileModel, stage: Stage, instr: Instruction, name: string): boolean {
  if (envBefore(model, stage, instr).has(name)) return true;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === instr) break;
      if (i.keyword === 'ARG' && argDeclarations(model, i).some((a) => a.name === name)) return true;
    }
  }
  return false;
}
