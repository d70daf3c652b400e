/**
 * GD126: a RUN installs packages on an operating-system release whose package repositories the
 * distribution has removed from its mirrors (images/endOfLife.ts `archived`: Debian 10 buster and
 * older, CentOS Linux, Ubuntu's ended interim releases). The image still points its package
 * sources at the mirrors, which answer 404: `apt-get update` stops with "The repository
 * 'http://deb.debian.org/debian buster Release' does not have a Release file", yum with "Could
 * not resolve host: mirrorlist.centos.org", and the build fails — in any stage, builder stages
 * included (codeskyblue/gohttpserver's armhf image runs `apt-get update` on Debian stretch;
 * flipped-aurora/gin-vue-admin's and cubefs' images `yum install` on centos:7).
 *
 * One finding per stage, on the first command that needs the repositories (an install, an update
 * of the lists, an upgrade): the build stops there. Not reported when an earlier instruction of the
 * stage's chain, or the same RUN before the command, points the sources elsewhere: names the
 * archive (`archive.debian.org`, `vault.centos.org`, `old-releases.ubuntu.com`), or writes or
 * edits the sources (`sources.list`, `yum.repos.d`, a `baseurl`, a `mirrorlist`), whatever it
 * writes (the user has taken the sources in hand).
 *
 * Only images whose tag names the release (`debian:buster-slim`, `golang:1.15-buster`,
 * `centos:7`, `ubuntu:23.10`): a tag that does not (`golang:1.15`) says nothing certain. No fix:
 * moving to a supported release can rename the packages, and pointing at the archive keeps a
 * release without updates (GD211); the choice is the user's.
 */
import { rootRelease, stageChain } from '../dockerfile/facts';
import { scriptSpan, type Instruction } from '../dockerfile/model';
import { packageCommands, type PackageCommand } from '../dockerfile/packages';
import { stagesToCheck, type Rule, type RuleFinding } from './types';

/** Text that points the package sources somewhere of the user's choosing. */
const SOURCES_TAKEN = /archive\.debian\.org|vault\.centos\.org|old-releases\.ubuntu\.com|sources\.list|yum\.repos\.d|baseurl|mirrorlist|\/etc\/apt\/|\/etc\/yum/;

export const gd126: Rule = {
  code: 'GD126',
  name: 'package-repositories-archived',
  summary: 'A RUN installs packages on a release whose repositories are gone from the mirrors: the build fails',
  severity: 'error',
  needsWorkspace: false,
  fix: 'none',
  facts: ['images', 'packageInstalls'],
  scope: 'stage',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      const ended = rootRelease(ctx.model, stage);
      if (!ended?.archived) continue;
      const chain = stageChain(ctx.model, stage);
      const root = chain[0];
      const found = firstFailing(ctx.model.text, chain.flatMap((s) => s.instructions), stage.index);
      if (!found) continue;
      const { instr, cmd } = found;
      const { to, when } = ended.archived;
      const shown = root.base === root.resolvedBase ? root.base : `${root.base} (${root.resolvedBase})`;
      const how = cmd.family === 'rpm'
        ? 'its yum asks mirrorlist.centos.org, which no longer answers ("Could not resolve host")'
        : 'its apt sources answer 404 ("does not have a Release file")';
      out.push({
        message: `\`${cmd.manager} ${cmd.actionWord.value}\` fails: this stage is built on ${shown}, ${ended.release}, whose package repositories the distribution moved off its mirrors to ${to}${when ? ` in ${when}` : ''}. The image still points at the mirrors and ${how}, so the build stops here. Move the stage to a supported release, or point its package sources at ${to} before this command (a release without updates: see GD211).`,
        span: scriptSpan(instr.script!, cmd.cmd.start, cmd.cmd.end),
      });
    }
    return out;
  },
};

/**
 * The first package-manager command of stage `own`'s RUNs that needs the repositories, unless the
 * sources were taken in hand before it (in the chain, or earlier in the same RUN).
 */
function firstFailing(text: string, instructions: readonly Instruction[], own: number): { instr: Instruction; cmd: PackageCommand } | null {
  for (const instr of instructions) {
    if (instr.keyword !== 'RUN') {
      if (SOURCES_TAKEN.test(text.slice(instr.span.start, instr.span.end))) return null;
      continue;
    }
    const script = instr.script;
    if (!script) {
      if (SOURCES_TAKEN.test(text.slice(instr.span.start, instr.span.end))) return null;
      continue;
    }
    for (const cmd of packageCommands(instr)) {
      if (SOURCES_TAKEN.test(script.text.slice(0, cmd.cmd.start))) return null;
      if (cmd.family === 'apk' || cmd.family === 'zypper') continue;
      if (cmd.action === 'install' || cmd.action === 'update' || (cmd.action === 'other' && /^(upgrade|dist-upgrade|full-upgrade|update)$/.test(cmd.actionWord.value))) {
        // Inherited from a stage it is built FROM: reported there.
        return instr.stage === own ? { instr, cmd } : null;
      }
    }
    if (SOURCES_TAKEN.test(script.text)) return null;
  }
  return null;
}
