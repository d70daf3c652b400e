/**
 * The one reading of a goreleaser config (read as text, never run): its top-level lists
 * (`builds:`, `dockers:`, `dockers_v2:`), an entry's scalar keys and list keys. What the config
 * means for a Dockerfile (which build's binary an image of it ships) is facts/releaseBuilds.ts.
 */

/** The names goreleaser looks for at the root of the repository, in its order. */
export const GORELEASER_CONFIGS = ['.goreleaser.yml', '.goreleaser.yaml', 'goreleaser.yml', 'goreleaser.yaml'];

/**
 * The entries of a top-level list of a YAML file (`builds:`, `dockers:`), each as its lines (the
 * first without its `- `); null when the file has no such key.
 */
export function yamlListItems(text: string, key: string): string[][] | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((l) => new RegExp(`^${key}:\\s*(#.*)?$`).test(l));
  if (start < 0) return null;
  const section: string[] = [];
  // The list may sit at the key's own indentation (cloudnative-pg's `builds:` then `- id: manager`).
  for (const l of lines.slice(start + 1)) {
    if (/^\S/.test(l) && !/^#/.test(l) && !/^-(?:\s|$)/.test(l)) break;
    section.push(l);
  }
  const items: string[][] = [];
  let indent: number | null = null;
  for (const l of section) {
    const dash = /^(\s*)- /.exec(l);
    if (dash && (indent === null || dash[1].length <= indent)) {
      indent = dash[1].length;
      items.push([l.slice(indent + 2)]);
    } else if (items.length > 0) items[items.length - 1].push(l);
  }
  return items;
}

/**
 * The entries of a goreleaser config's top-level `builds:` list, each as its lines (the first
 * without its `- `); null when the file has no `builds:`.
 */
export function goreleaserItems(text: string): string[][] | null {
  return yamlListItems(text, 'builds');
}

/** An entry's scalar `name:` (quotes removed, a trailing comment dropped); undefined without one. */
export function yamlKey(item: readonly string[], name: string): string | undefined {
  for (const l of item) {
    const m = new RegExp(`^\\s*${name}:\\s*(.*?)\\s*(#.*)?$`).exec(l);
    if (m) return m[1].replace(/^(["'])(.*)\1$/, '$2');
  }
  return undefined;
}

/**
 * An entry's list `name:`, inline (`ids: [a, b]`) or as `- a` lines below it; undefined without
 * the key.
 */
export function yamlList(item: readonly string[], name: string): string[] | undefined {
  const at = item.findIndex((l) => new RegExp(`^\\s*${name}:`).test(l));
  if (at < 0) return undefined;
  const unquote = (x: string) => x.trim().replace(/^(["'])(.*)\1$/, '$2');
  const inline = new RegExp(`^\\s*${name}:\\s*\\[([^\\]]*)\\]`).exec(item[at]);
  if (inline) return inline[1].split(',').map(unquote).filter((x) => x !== '');
  const out: string[] = [];
  const own = /^(\s*)/.exec(item[at])![1].length;
  for (const l of item.slice(at + 1)) {
    const entry = /^(\s*)-\s*(\S+?)\s*(#.*)?$/.exec(l);
    if (!entry || entry[1].length < own) break;
    out.push(unquote(entry[2]));
  }
  return out;
}
