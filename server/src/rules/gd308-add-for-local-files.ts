/**
 * GD308: `ADD` of local files or directories. Not reported: a URL or git source (ADD fetches
 * it), a local tar archive by its name (`.tar`, `.tar.gz`, `.tgz`, `.tar.xz`, `.txz`,
 * `.tar.bz2`, `.tbz2`, `.tar.zst`, and bare `.gz`/`.bz2`/`.xz`/`.zst`, which ADD may unpack),
 * a heredoc (`ADD <<EOF`), a source with a variable that may make it a URL or an archive
 * (localWithVariable: `./k0s-${TARGETARCH}/k0s` is local for any value, `${SRC}` and
 * `dist/${FILE}` are not), and ADD flags COPY does not take (`--checksum`, `--keep-git-dir`,
 * `--unpack`).
 *
 * Fix: replace the `ADD` keyword with `COPY` (same case), keeping flags and arguments
 * (`--chown`, `--chmod`, `--link`, `--exclude` are valid on COPY). Safe for fix-all: for
 * local files that are not archives ADD and COPY do the same. (ADD detects archives by
 * content: a tar archive under a name without an archive extension would have been unpacked;
 * that is rare enough that the name is the signal, as with hadolint's DL3020.)
 */
import { copyPaths } from '../dockerfile/facts';
import { replace } from '../edits/edits';
import type { Rule, RuleFinding } from './types';

const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
const ARCHIVE = /\.(tar|tgz|txz|tbz|tbz2|tb2|taz|tz2|tzst|gz|bz2|xz|zst|lz|lzma|z)$/i;
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);
const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude', 'parents']);

/** URL beginnings BuildKit's ADD fetches. */
const URL_STARTS = ['http://', 'https://', 'git@', 'git://'];

/**
 * A source with a variable that is a local path whatever the variable holds: it starts with
 * text no URL starts with (k0sproject/k0s 9b0ec1c Dockerfile: `ADD ./k0s-${TARGETARCH}/k0s
 * /usr/local/bin/k0s`), and its last segment has none (a value there may name an archive, which
 * ADD unpacks).
 */
function localWithVariable(source: string): boolean {
  const prefix = source.slice(0, source.indexOf('$'));
  const last = source.replace(/\/+$/, '').split('/').pop() ?? '';
  return prefix !== '' && !URL_STARTS.some((u) => u.startsWith(prefix.toLowerCase())) && !last.includes('$');
}

export const gd308: Rule = {
  code: 'GD308',
  name: 'add-for-local-files',
  summary: '`ADD` of local files, where COPY says what happens',
  severity: 'warning',
  needsWorkspace: false,
  peers: ['DL3020'],
  fix: 'safe',
  facts: ['copySources'],
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const instr of ctx.model.instructions) {
      if (instr.keyword !== 'ADD') continue;
      if (instr.flags.some((f) => f.name === 'from' || ADD_ONLY_FLAGS.has(f.name))) continue;
      const paths = copyPaths(instr);
      if (!paths || !paths.sources.length) continue;
      if (paths.sources.some((s) => REMOTE.test(s) || ARCHIVE.test(s.replace(/\/+$/, '')) || s.startsWith('<<') || (s.includes('$') && !localWithVariable(s)) || /\.git(#|$)/.test(s))) continue;
      const keyword = ctx.model.text.slice(instr.span.start, instr.span.start + 3);
      const fixable = /^add$/i.test(keyword) && instr.flags.every((f) => COPY_FLAGS.has(f.name));
      out.push({
        message: `ADD of local ${paths.sources.length > 1 ? 'files' : 'file'} (${paths.sources.join(' ')}): use COPY. ADD also downloads URLs and unpacks archives, so readers must check which it does here; COPY only copies.`,
        span: instr.span,
        fix: fixable ? {
          title: 'Replace ADD with COPY',
          edits: [replace(instr.span.start, instr.span.start + 3, keyword === 'ADD' ? 'COPY' : keyword === 'add' ? 'copy' : 'Copy')],
          safe: true,
        } : undefined,
      });
    }
    return out;
  },
};
