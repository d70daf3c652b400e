/**
 * Hover on a FROM's image: what the offline image table knows about it (sizes, libc, shell,
 * CA certificates, tzdata, default user, package manager). Null elsewhere, so the general
 * Dockerfile hover answers instead.
 */
import { formatBytes } from '../bytes';
import type { DockerfileModel } from '../dockerfile/model';
import { lookupImage } from '../images/table';
import { expandVariables } from '../dockerfile/variables';

export interface ImageHover {
  markdown: string;
  /** Offsets of the image word in the document. */
  start: number;
  end: number;
}

const yes = (b: boolean) => (b ? 'yes' : 'no');

export function imageHoverAt(df: DockerfileModel, offset: number): ImageHover | null {
  for (const stage of df.stages) {
    const from = stage.from;
    const word = from.args.find((a) => !a.value.startsWith('--'));
    if (!word || offset < word.span.start || offset > word.span.end) continue;
    const ref = word.value.includes('$') ? expandVariables(word.value, df.globalArgs) : word.value;
    if (!ref) return null;
    const info = lookupImage(ref);
    if (!info) return null;
    const size = info.approxBytes === null ? 'unknown' : `~${formatBytes(info.approxBytes)} uncompressed${info.approxCompressedBytes !== null ? `, ~${formatBytes(info.approxCompressedBytes)} compressed` : ''}`;
    const rows: [string, string][] = [
      ['Size', size],
      ['C library', info.libc],
      ['Shell', info.shellPath ?? 'none'],
      ['CA certificates', yes(info.caCerts)],
      ['tzdata (zoneinfo)', yes(info.zoneinfo)],
      ['Default user', info.defaultUser ?? 'unknown (a digest without a tag: root, or 65532 for a nonroot variant)'],
      ['Package manager', info.packageManager ?? 'none'],
    ];
    if (info.goToolchain) rows.push(['Go toolchain', info.go ? `yes (Go ${info.go.version})` : 'yes']);
    const title = ref === word.value ? ref : `${word.value} = ${ref}`;
    const md = [`**${escapeMd(title)}** — ${escapeMd(info.family)}${info.variant ? ` (${escapeMd(info.variant)})` : ''}`, '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${escapeMd(v)} |`), '', '_From go-dockerfile\'s offline image table; sizes are approximate._'];
    return { markdown: md.join('\n'), start: word.span.start, end: word.span.end };
  }
  return null;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
