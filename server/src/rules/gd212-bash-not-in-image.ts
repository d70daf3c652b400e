/**
 * GD212: bash runs in a stage whose image has none. Alpine (golang's `-alpine` images too) and
 * busybox have only busybox's ash at /bin/sh; scratch, distroless and chainguard/static have no
 * shell at all (images/table.ts `bash`). There:
 *  - `SHELL ["/bin/bash", "-c"]` followed by a RUN (or a shell-form CMD/ENTRYPOINT): the RUN
 *    fails the build;
 *  - a RUN that runs bash (`RUN bash ./build.sh`, `RUN curl … | bash`, `RUN ["/bin/bash", "-c",
 *    "…"]`): the build fails with `bash: not found`;
 *  - the image's ENTRYPOINT or CMD runs bash (`CMD ["/bin/bash"]`: go-zero's tools image), or
 *    starts a script whose first line is `#!/bin/bash` or `#!/usr/bin/env bash` (copied from the
 *    context, or written by a RUN: goAtStart.ts startScripts) without a shell in front of it
 *    (`sh ./run.sh` reads it with ash): the container does not start (`exec /entrypoint.sh: no
 *    such file or directory`, the kernel's answer for a missing interpreter). Only the stages
 *    that are images (facts `targetImages`): a builder stage's CMD never runs.
 *
 * Not reported:
 *  - bash installed before it in the stage chain (`apk add bash`, a package whose name holds
 *    `bash` such as bash-completion, one that depends on bash: wireguard-tools; or a package list
 *    we cannot read: `apk add $PACKAGES`), or
 *    in the same RUN; a COPY of a file named bash, or of a whole file system (`COPY --from=X / /`);
 *    a RUN before it that runs a script of its own (`RUN ./install-tools.sh` may install it);
 *  - a shell-form RUN/CMD/ENTRYPOINT on an image with no shell at all: GD206 names it;
 *  - an image we do not know (it may have bash).
 * No fix: installing bash changes the image, and `/bin/sh` may not read a bash script.
 */
import { copiesWholeFileSystem, copyPaths, rootImage, stageChain, stageImage, startInstructions, targetImages } from '../dockerfile/facts';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { apkBringsBash, isInstall, packageCommands } from '../dockerfile/packages';
import type { ShellCommand } from '../dockerfile/shell';
import type { ImageInfo } from '../images/table';
import { startScripts } from '../facts/goAtStart';
import { stagesToCheck, type Rule, type RuleContext, type RuleFinding } from './types';

export const gd212: Rule = {
  code: 'GD212',
  name: 'bash-not-in-image',
  summary: 'bash runs in a stage whose image has no bash (alpine, busybox, distroless, scratch)',
  severity: 'error',
  needsWorkspace: false,
  fix: 'none',
  facts: ['images', 'packageInstalls', 'contextFiles', 'workspace'],
  // Stage by stage. A SHELL's RUNs may be in the stages built FROM it; an image's start script
  // may be written by a RUN of a stage it copies from.
  scope: 'stage',
  readsDescendants: true,
  readsCopiedStages: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    const { model } = ctx;
    for (const stage of stagesToCheck(ctx)) {
      const image = noBash(model, stage);
      if (!image) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword === 'SHELL') {
          if (runsBash(instr.json ?? []) && shellUsedAfter(model, stage, instr) && !bashBroughtIn(model, stage, instr)) {
            out.push({ message: `SHELL makes the RUNs after it run through bash, but ${describe(model, stage)} has no bash: the next RUN fails the build ("${instr.json![0]}: no such file or directory"). ${remedy(image)}`, span: instr.span });
          }
        } else if (instr.keyword === 'RUN') {
          const found = bashRun(instr, image);
          if (found && !bashBroughtIn(model, stage, instr) && !installsBashItself(instr)) {
            out.push({ message: `This RUN runs ${found.word}, but ${describe(model, stage)} has no bash: the build fails ("${found.word}: not found"). ${remedy(image)}`, span: found.span });
          }
        }
      }
      if (targetImages(model, ctx.finalStage).includes(stage.index)) imageStart(ctx, stage, image, out);
    }
    return out;
  },
};

/**
 * What an image starts: its ENTRYPOINT/CMD (read along the FROM chain). Two images built FROM
 * one stage that both start its ENTRYPOINT report it twice, alike: the analysis keeps one.
 */
function imageStart(ctx: RuleContext, stage: Stage, image: ImageInfo, out: RuleFinding[]): void {
  const { model } = ctx;
  const seen = new Set<Instruction>();
  // Whether bash was brought in is asked only of an image that runs it (a walk of its chain).
  let brought: boolean | undefined;
  const broughtIn = () => (brought ??= bashBroughtIn(model, stage));
  const { entrypoint, cmd } = startInstructions(model, stage);
  for (const instr of [entrypoint, cmd]) {
    if (!instr || seen.has(instr)) continue;
    const found = bashRun(instr, image);
    if (!found || broughtIn()) continue;
    seen.add(instr);
    out.push({ message: `The container runs ${found.word}, but ${describe(model, stage)} has no bash: it does not start (\`exec: "${found.word}"\`: not found). ${remedy(image)}`, span: found.span });
  }
  for (const script of bashScripts(ctx, stage)) {
    if (seen.has(script.instr) || broughtIn()) continue;
    seen.add(script.instr);
    const from = script.written ? 'written by a RUN' : `${script.file} of the context`;
    out.push({
      message: `${script.program} (${from}) starts with \`${script.shebang}\`, but ${describe(model, stage)} has no bash: the container does not start ("exec ${script.program}: no such file or directory", the kernel's answer for a missing interpreter). ${remedy(image)} Or make the script POSIX sh (\`#!/bin/sh\`).`,
      span: script.instr.span,
    });
  }
}

/** The stage's root image when we know it has no bash (and is not Windows), else null. */
function noBash(model: DockerfileModel, stage: Stage): ImageInfo | null {
  const image = stageImage(model, stage);
  return image && image.os === 'linux' && !image.bash ? image : null;
}

function describe(model: DockerfileModel, stage: Stage): string {
  return rootImage(model, stage) ?? 'the base image';
}

function remedy(image: ImageInfo): string {
  if (image.packageManager === 'apk') return 'Install it first (`RUN apk add --no-cache bash`), or use /bin/sh.';
  return image.shell ? 'The image has no package manager: use /bin/sh, or copy a static bash in.' : 'The image has no shell at all: run the program itself, in exec form.';
}

/** bash, /bin/bash, /usr/bin/bash, /usr/local/bin/bash. */
function isBash(word: string): boolean {
  return word === 'bash' || /^\/(usr\/(local\/)?)?bin\/bash$/.test(word);
}

/** argv runs bash: `bash …`, `/bin/bash …`, `/usr/bin/env bash …`, `env X=1 bash …`. */
function runsBash(argv: readonly string[]): boolean {
  return bashWord(argv) !== null;
}

/** The word that names bash in argv (`/bin/bash`, or `bash` after env), else null. */
function bashWord(argv: readonly string[]): string | null {
  let k = 0;
  if (/^(\/usr)?(\/bin\/)?env$/.test(argv[0] ?? '')) {
    k = 1;
    while (k < argv.length && (argv[k].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[k]))) k++;
  }
  return isBash(argv[k] ?? '') ? argv[k] : null;
}

/**
 * Where the instruction runs bash: the whole instruction in exec form, the command in shell form
 * (only where the image has a shell to run the script: without one, GD206 names it).
 */
function bashRun(instr: Instruction, image: ImageInfo): { span: { start: number; end: number }; word: string } | null {
  if (instr.json) {
    const word = bashWord(instr.json);
    return word === null ? null : { span: instr.span, word };
  }
  if (!instr.script || !image.shell) return null;
  for (const c of instr.script.parsed.commands) {
    // Most commands are neither bash nor env: no word list for them (every RUN of every alpine stage).
    const first = c.argv[0]?.value ?? '';
    if (!first.endsWith('bash') && !first.endsWith('env')) continue;
    const word = bashWord(c.argv.map((w) => w.value));
    if (word !== null) return { span: scriptSpan(instr.script, c.start, c.end), word };
  }
  return null;
}

/** A RUN, or a shell-form CMD/ENTRYPOINT, after the SHELL in the stage (or in a stage built FROM it: they inherit SHELL). */
function shellUsedAfter(model: DockerfileModel, stage: Stage, shell: Instruction): boolean {
  const after = stage.instructions.slice(stage.instructions.indexOf(shell) + 1);
  const usesShell = (i: Instruction) => (i.keyword === 'RUN' || i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && i.script !== null && !i.json;
  if (after.some((i) => i.keyword === 'SHELL')) return after.slice(0, after.findIndex((i) => i.keyword === 'SHELL')).some(usesShell);
  if (after.some(usesShell)) return true;
  return model.stages.some((s) => s !== stage && stageChain(model, s).includes(stage) && s.instructions.some(usesShell));
}

/** The RUN installs bash (`apk add bash && bash ./build.sh`), maybe (`apk add $PACKAGES`), or a package that depends on it. */
function installsBashItself(instr: Instruction): boolean {
  return packageCommands(instr).some((p) => isInstall(p) && p.packages.some((x) => x.word.dynamic || apkBringsBash(x.name)));
}

/**
 * bash may be in the stage before `before` (or anywhere in its chain without it): installed by a
 * package manager, copied in, or brought by a script we cannot read.
 */
function bashBroughtIn(model: DockerfileModel, stage: Stage, before?: Instruction): boolean {
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === before) return false;
      if (copiesWholeFileSystem(i, model)) return true;
      if (i.keyword === 'COPY' || i.keyword === 'ADD') {
        const p = copyPaths(i);
        if (p && (p.sources.some((src) => /(^|\/)bash$/.test(src)) || /(^|\/)bash$/.test(p.dest))) return true;
        continue;
      }
      if (i.keyword !== 'RUN') continue;
      if (installsBashItself(i)) return true;
      if (i.script?.parsed.commands.some(runsOwnScript)) return true;
    }
  }
  return false;
}

/** `./install-tools.sh`, `sh scripts/setup.sh`: a script of the project, which may install anything. */
function runsOwnScript(c: ShellCommand): boolean {
  const argv = c.argv.map((w) => w.value);
  const viaShell = /^(\/bin\/)?(ba|a|da)?sh$/.test(argv[0] ?? '');
  if (viaShell && argv.includes('-c')) return false;
  const prog = viaShell ? argv.find((a, k) => k > 0 && !a.startsWith('-')) ?? '' : argv[0] ?? '';
  return /\.sh$/.test(prog) || prog.startsWith('./');
}

interface BashScript {
  instr: Instruction;
  program: string;
  file: string;
  written: boolean;
  shebang: string;
}

/** The start scripts of the image (from the context or written by a RUN) that bash must read, run without a shell in front of them. */
function bashScripts(ctx: RuleContext, stage: Stage): BashScript[] {
  const { entrypoint, cmd } = startInstructions(ctx.model, stage);
  const start = entrypoint ?? cmd;
  if (!start) return [];
  const out: BashScript[] = [];
  for (const s of startScripts(ctx.model, stage, ctx.workspace ? ctx.files : undefined)) {
    const shebang = /^#![ \t]*(\/(usr\/(local\/)?)?bin\/bash|\/usr\/bin\/env[ \t]+(-\S+[ \t]+)*bash)(?=[ \t\r\n]|$)/.exec(s.text)?.[0];
    if (!shebang || !runDirectly(start, s.program)) continue;
    out.push({ instr: start, program: s.program, file: s.file, written: s.written, shebang });
  }
  return out;
}

/** The instruction runs `program` itself (the kernel reads its `#!` line), not as an argument of a shell (`sh ./run.sh`, `sh -c …`). */
function runDirectly(instr: Instruction, program: string): boolean {
  const lists = instr.json ? [instr.json] : instr.script ? instr.script.parsed.commands.map((c) => c.argv.map((w) => w.value)) : [];
  for (const argv of lists) {
    const k = argv.indexOf(program);
    if (k < 0) continue;
    return !argv.slice(0, k).some((w) => /(^|\/)(sh|ash|dash|bash|zsh|busybox)$/.test(w));
  }
  return false;
}
