/**
 * GD208: the final image gets compilers or build tools from a package install (gcc, g++,
 * clang, build-base, build-essential, make, cmake, git, go/golang, libc headers, the
 * "Development Tools" group). Instructions of the final stage and of the stages it is built
 * FROM count, since the image contains them. Packages removed again later (`apk del`, also
 * of an `apk add --virtual` group; `apt-get purge`/`remove`; `yum remove`) do not.
 *
 * `git` alone is not reported: programs that install it in their runtime image call it at run
 * time (gogs, lazygit, CI agents; every such case in the corpus). It counts when it comes
 * with a compiler or make, i.e. as part of a build toolchain.
 *
 * Not reported either: a final stage on a Go toolchain image (GD201 reports the whole image),
 * and a toolbox image, whose final stage runs a bare shell (`CMD ["/bin/sh"]`, or no
 * ENTRYPOINT/CMD on a distro or golang base, whose default command is a shell): its tools are
 * the point of the image.
 *
 * No fix: removing a package the program might call at run time is the author's decision.
 */
import { isToolbox, stageChain, stageImage, startInstructions } from '../dockerfile/facts';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { packageCommands, type PackageCommand } from '../dockerfile/packages';
import type { Rule, RuleFinding } from './types';

const BUILD_TOOL = /^(gcc|g\+\+|gcc-c\+\+|clang|llvm|build-base|build-essential|alpine-sdk|make|cmake|ninja|ninja-build|autoconf|automake|libtool|binutils|git|go|golang|golang-go|musl-dev|libc-dev|libc6-dev|glibc-devel|gfortran)(-\d+(\.\d+)*)?$/;
const BUILD_GROUP = /^development tools$/i;

export function isBuildTool(name: string): boolean {
  return BUILD_TOOL.test(name) || BUILD_GROUP.test(name);
}

export const gd208: Rule = {
  code: 'GD208',
  name: 'build-tools-in-final-image',
  summary: 'The final image installs compilers or build tools',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'none',
  facts: ['images', 'packageInstalls'],
  check(ctx) {
    const { model } = ctx;
    const stage = model.stages[ctx.finalStage];
    if (!stage || stageImage(model, stage)?.goToolchain || isToolbox(model, stage)) return [];
    const installs: { instr: Instruction; cmd: PackageCommand; tools: string[] }[] = [];
    for (const s of stageChain(model, stage)) {
      for (const instr of s.instructions) {
        for (const p of packageCommands(instr)) {
          if (p.action === 'install') {
            let tools = p.packages.map((x) => x.name).filter(isBuildTool);
            if (tools.every((t) => t === 'git')) tools = [];
            if (tools.length) installs.push({ instr, cmd: p, tools });
          } else if (p.action === 'remove') {
            const removed = new Set(p.packages.map((x) => x.name));
            for (const i of installs) {
              if (i.cmd.family !== p.family) continue;
              if (i.cmd.virtual && removed.has(i.cmd.virtual)) i.tools = [];
              i.tools = i.tools.filter((t) => !removed.has(t));
            }
          }
        }
      }
    }
    const out: RuleFinding[] = [];
    for (const { instr, cmd, tools } of installs) {
      if (!tools.length || !instr.script) continue;
      const list = [...new Set(tools)].join(', ');
      out.push({
        message: `The final image installs build tools (${list}): they add size and attack surface and are not needed to run a Go binary. Install them in a builder stage and copy only the results. If the program needs one at run time, suppress this finding for the instruction.`,
        span: scriptSpan(instr.script, cmd.cmd.start, cmd.cmd.end),
      });
    }
    return out;
  },
};
