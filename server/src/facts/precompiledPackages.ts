/**
 * A RUN that compiles the module's packages into its layer's Go build cache: a `go build` or
 * `go install` of packages of the module (not a `tool@version`, which builds another module, nor
 * only the standard library), in the RUN itself or in a script it runs (and the scripts that one
 * runs, `scriptsRunBy`). linkerd2's go-deps stage runs `./bin/install-deps $TARGETARCH`, which
 * `go install`s some fifty heavy dependency packages before the sources are copied: their
 * compiled packages stay in that layer's GOCACHE for every later build. Build tools (make, task…)
 * are not followed: which of their targets runs a build cannot be read from the text. GD107 asks
 * this question, and GD108 (a `-trimpath` on the later build alone changes every package's build
 * key, and the precompiled packages are compiled again).
 */
import { goCommands, goPackages, type GoCommand } from '../dockerfile/facts';
import { buildsOnlyGoDistribution } from '../dockerfile/goBuild';
import { buildToolFiles, indirectGoSteps, type IndirectGoStep } from '../dockerfile/indirectGo';
import type { Instruction, Stage } from '../dockerfile/model';
import type { WorkspaceModel } from '../workspace/model';
import { GO_BUILD_IN_TEXT, scriptsRunBy } from './contextInputs';

/** A package argument `path@version` (`go install golang.org/x/tools/cmd/stringer@v0.20.0`). */
const VERSIONED = /^[^@\s]+@[\w.+-]+$/;

/**
 * What compiles the module's packages in a RUN: the go command in the RUN itself, or the step
 * that runs a script of the context which does (`./bin/install-deps`), with the scripts' texts
 * (the script and those it runs). GD107 asks whether a build reuses such a layer; GD108 where
 * `-trimpath` must go too, so that the build keeps reusing it.
 */
export interface ModuleCompile {
  /** The go command's text (`go install`) or the script's command line (`./bin/install-deps $TARGETARCH`). */
  what: string;
  go?: GoCommand;
  step?: IndirectGoStep;
  scripts?: { path: string; text: string }[];
}

/**
 * What compiles the module's packages in this RUN (ModuleCompile); null when it compiles none.
 * `read` reads a context-relative file; without it, scripts are not followed.
 */
export function moduleCompile(stage: Stage, instr: Instruction, read: ((rel: string) => string | null) | undefined, ws?: WorkspaceModel): ModuleCompile | null {
  if (instr.keyword !== 'RUN' || !instr.script) return null;
  for (const g of goCommands(instr)) {
    if (g.sub !== 'build' && g.sub !== 'install') continue;
    const pkgs = goPackages(g.args);
    if (buildsOnlyGoDistribution(pkgs) || pkgs.some((p) => VERSIONED.test(p.value))) continue;
    return { what: `go ${g.sub}`, go: g };
  }
  if (!read) return null;
  // This RUN's steps only (a stage of one instruction): the callers walk every RUN of a chain.
  for (const step of indirectGoSteps({ ...stage, instructions: [instr] }, { readFile: read }, false)) {
    if (step.file === null || buildToolFiles(step.cmd.argv.map((w) => w.value)) !== null) continue;
    const scripts = scriptsRunBy(step.file, read, ws);
    if (scripts.some((s) => textCompilesModule(s.text))) return { what: step.cmd.argv.map((w) => w.value).join(' '), step, scripts };
  }
  return null;
}

/**
 * What compiles the module's packages in this RUN: the go command's text (`go install`) or the
 * script the RUN runs (`./bin/install-deps`); null when it compiles none.
 */
export function compilesModulePackages(stage: Stage, instr: Instruction, read: ((rel: string) => string | null) | undefined, ws?: WorkspaceModel): string | null {
  return moduleCompile(stage, instr, read, ws)?.what ?? null;
}

/** A script's text has a go build/install of packages that are not `tool@version` nor only std. */
function textCompilesModule(text: string): boolean {
  for (const line of text.replace(/\\\r?\n/g, ' ').split('\n')) {
    if (/^\s*#/.test(line)) continue;
    const m = GO_BUILD_IN_TEXT.exec(line);
    if (!m) continue;
    const words = line.slice(m.index + m[0].length).split(/[;&|]/)[0].trim().split(/\s+/).map((w) => w.replace(/^["']|["']$/g, '')).filter((w) => w !== '' && !w.startsWith('-'));
    if (words.some((w) => VERSIONED.test(w))) continue;
    if (words.length > 0 && words.every((w) => w === 'std' || w === 'cmd')) continue;
    return true;
  }
  return false;
}
