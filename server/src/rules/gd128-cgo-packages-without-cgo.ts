/**
 * GD128: a build stage installs a C toolchain or C headers (gcc, g++, clang, build-essential,
 * build-base, musl-dev, a library's `*-dev` or `*-devel` package: dockerfile/packages.ts
 * isCToolchainPackage, isDevPackage), but every go command of the stage that compiles runs with
 * CGO_ENABLED=0: the packages serve cgo, which is off, so they only cost build time and cache
 * (and, installed after the sources are copied, re-run on every source edit).
 * ironcore-dev/libvirt-provider's builder installs gcc, g++ and three Ceph -dev packages, then
 * builds with `CGO_ENABLED=0 … go build` and `CGO_ENABLED=0 … go install`.
 *
 * Only when certain that nothing else uses them:
 * - the stage is not the final stage and no stage is built FROM it (a stage that inherits the
 *   packages may use them; the final image's packages are GD208's question);
 * - it has a go build or install, and every go build/install/test/run/vet of it sees
 *   CGO_ENABLED=0 (facts envValue: a prefix, an export, ENV, an ARG default); no go generate
 *   (it runs any program) or go tool;
 * - every other command of its RUNs is one that compiles no C (KNOWN_COMMANDS: file commands,
 *   downloads, package installs, git, `exit`…: seaweedfs cc8364a docker/Dockerfile.go_build:10-16
 *   ends its checkout's fallback subshell with `exit 1`, judge 43 Y M2): a script, cmake, pip, npm may build C code; so may a
 *   make, unless its recipe is certain (facts/builtPackages.ts makeGoCommands: a Makefile of the
 *   builder, known goals whose recipes run only go commands and file housekeeping), and then its
 *   go commands count as the stage's, each with the environment its recipe line gives it
 *   (future-architect/vuls 386ec57 Dockerfile:3-11 installs gcc and musl-dev, then runs `make
 *   install`, whose GNUmakefile:17,33-34 runs `CGO_ENABLED=0 GOEXPERIMENT=jsonv2 go install …`;
 *   judge 41 Y M5);
 * - no later stage mounts it (`RUN --mount=from=`) or copies from it anything but files outside
 *   the system folders (a library the -dev packages brought, `/usr/lib/…`, would be used).
 *
 * No fix: which of the other packages of the install are needed is not known.
 */
import * as path from 'node:path';
import { copyPaths, stageDescendants, stageGoCommands, stageRef, targetImages, type GoCommand } from '../dockerfile/facts';
import { envValue } from '../dockerfile/goBuild';
import type { Stage } from '../dockerfile/model';
import { mounts } from '../dockerfile/mounts';
import { isCToolchainPackage, isDevPackage, isInstall, packageCommand, packageCommands } from '../dockerfile/packages';
import type { ShellCommand } from '../dockerfile/shellModel';
import { makeGoCommands, type Known } from '../facts/builtPackages';
import type { Rule, RuleFinding } from './types';

/** Packages that only serve cgo: the C toolchain (compilers, the C library's headers) and libraries' development packages. */
function isCgoPackage(name: string): boolean {
  return isCToolchainPackage(name) || isDevPackage(name);
}

/** Commands that compile no C (besides go and the package managers). */
const KNOWN_COMMANDS = new Set([
  'cd', 'rm', 'mv', 'cp', 'mkdir', 'ln', 'chmod', 'chown', 'chgrp', 'touch', 'echo', 'printf', 'true', 'false', 'test', '[', '[[', 'set', 'export',
  'ls', 'cat', 'git', 'curl', 'wget', 'tar', 'unzip', 'gzip', 'gunzip', 'update-ca-certificates', 'useradd', 'adduser', 'groupadd', 'addgroup',
  'apt-mark', 'upx', 'sleep', 'id', 'whoami', 'uname', 'env', 'exit',
]);

/** go subcommands that compile (cgo applies); `mod download`, `mod tidy`, `list`, `version`, `env` do not. */
const COMPILING = new Set(['build', 'install', 'test', 'run', 'vet']);

/** System folders: files a later stage copies from there may come from the packages. */
const SYSTEM = /^\/(usr|lib|lib32|lib64|libx32|etc|opt|bin|sbin|var)(\/|$)|^\/$/;

export const gd128: Rule = {
  code: 'GD128',
  name: 'cgo-packages-without-cgo',
  summary: 'A build stage installs a C toolchain or -dev packages, but every go build in it runs with CGO_ENABLED=0',
  severity: 'information',
  needsWorkspace: false,
  fix: 'none',
  facts: ['copySources', 'goCommands', 'goBuilds', 'packageInstalls', 'contextFiles'],
  // Nothing of it in a stage no build builds (rules/analyze.ts, facts/unbuiltStages.ts).
  inStage: true,
  // (The whole file: what later stages copy from a stage decides.)
  check(ctx) {
    const out: RuleFinding[] = [];
    // An image of its own (the final stage, or a `--target` image: an unused stage with an
    // ENTRYPOINT or CMD) ships its packages to whoever runs it, a C toolchain included.
    const images = new Set(targetImages(ctx.model, ctx.finalStage));
    for (const stage of ctx.model.stages) {
      if (images.has(stage.index)) continue;
      const finding = check(ctx, stage);
      if (finding) out.push(finding);
    }
    return out;
  },
};

function check(info: Known, stage: Stage): RuleFinding | null {
  const { model } = info;
  // Cheap first: the stage installs one of the packages.
  const installs = stage.instructions.flatMap((i) => packageCommands(i).filter(isInstall).map((p) => ({ instr: i, p })));
  const named = installs.flatMap(({ instr, p }) => p.packages.filter((n) => !n.word.dynamic && isCgoPackage(n.name)).map((n) => ({ instr, name: n.name })));
  if (named.length === 0) return null;
  if (stageDescendants(model, stage).length > 1) return null;
  // The go commands of the stage's RUNs, and of the recipes of its makes when they are certain
  // (the make command then runs nothing else: makeRecipe's harmless commands compile no C).
  const go: { g: GoCommand; where: string }[] = stageGoCommands(stage).map((g) => ({ g, where: `line ${g.instr.line + 1}` }));
  const made = new Set<ShellCommand>();
  for (const i of stage.instructions) {
    if (i.keyword !== 'RUN' || !/\bg?make\b/.test(i.script?.text ?? '')) continue;
    for (const m of makeGoCommands(info, stage, i)) {
      made.add(m.make);
      go.push({ g: m.g, where: `line ${i.line + 1} through ${m.makefile}:${m.command.line}` });
    }
  }
  if (!go.some(({ g }) => g.sub === 'build' || g.sub === 'install')) return null;
  for (const { g } of go) {
    if (g.sub === 'generate' || g.sub === 'tool' || g.sub.startsWith('tool')) return null;
    if (COMPILING.has(g.sub) && envValue(model, stage, g, 'CGO_ENABLED') !== '0') return null;
  }
  const goCmds = new Set(go.map(({ g }) => g.cmd));
  for (const i of stage.instructions) {
    if (i.keyword !== 'RUN') continue;
    if (!i.script) return null;
    for (const c of i.script.parsed.commands) {
      if (goCmds.has(c) || made.has(c) || packageCommand(c)) continue;
      const w = c.argv[0];
      if (!w) continue;
      if (w.dynamic || !KNOWN_COMMANDS.has(path.posix.basename(w.value))) return null;
    }
  }
  // What later stages take from it.
  for (const s of model.stages) {
    if (s.index <= stage.index) continue;
    for (const i of s.instructions) {
      if (mounts(i).some((m) => m.from !== null && stageRef(model, m.from) === stage.index)) return null;
      const from = i.keyword === 'COPY' ? i.flags.find((f) => f.name === 'from')?.value : undefined;
      if (!from || stageRef(model, from) !== stage.index) continue;
      const sources = copyPaths(i)?.sources ?? [];
      if (sources.length === 0 || sources.some((src) => src.includes('$') || SYSTEM.test(path.posix.resolve('/', src)))) return null;
    }
  }
  const first = named[0].instr;
  const names = [...new Set(named.map((n) => n.name))];
  const builds = go.filter(({ g }) => g.sub === 'build' || g.sub === 'install').map(({ where }) => where);
  return {
    message: `This stage installs ${names.map((n) => `\`${n}\``).join(', ')}, which only ${names.length === 1 ? 'serves' : 'serve'} cgo, but every go build here runs with CGO_ENABLED=0 (${[...new Set(builds)].join(', ')}) and nothing else in the stage, or taken from it, uses them: they cost build time and cache space for nothing. Drop them from the install.`,
    span: first.span,
  };
}
