/**
 * Programs that create their folders next to their executable: a library function that returns
 * the executable's folder (github.com/ouqiang/goutil's WorkDir: `filepath.Dir(os.Executable())`,
 * its parent when that folder is named bin, the same in every release v1.0.0-v1.4.6), in a package
 * that also creates folders (os.Mkdir, os.MkdirAll). ouqiang/gocron 960fc98 internal/modules/app/
 * app.go:41-49 puts conf/ and log/ there and stops when it cannot create them: with the binary in
 * /usr/local/bin that is `mkdir /usr/local/conf: permission denied` as uid 65532 (judge 40 Y G6).
 * Only these known functions: a folder the program computes itself is not followed here.
 */

/** Functions known to return the executable's folder: import path, function, what it returns. */
const EXECUTABLE_DIR_FUNCS: readonly { pkg: string; fn: string; returns: string }[] = [
  { pkg: 'github.com/ouqiang/goutil', fn: 'WorkDir', returns: "the executable's folder, or its parent when that folder is named bin" },
];

/** The first file of the packages that calls such a function in a package that creates folders: `goutil.WorkDir() in internal/modules/app/app.go`. */
export function executableDirWrites(packages: readonly { dir: string; files: readonly { file: string; text: string }[] }[]): { via: string; returns: string } | null {
  for (const p of packages) {
    if (!p.files.some((f) => /\bos\.Mkdir(?:All)?\(/.test(f.text))) continue;
    for (const f of p.files) {
      for (const k of EXECUTABLE_DIR_FUNCS) {
        const name = importName(f.text, k.pkg);
        if (name === null) continue;
        const call = new RegExp(`\\b${name}\\.${k.fn}\\(\\s*\\)`).exec(f.text.replace(/\/\/[^\n]*/g, ''));
        if (call) return { via: `${name}.${k.fn}() in ${p.dir === '' ? f.file : `${p.dir}/${f.file}`}`, returns: k.returns };
      }
    }
  }
  return null;
}

/** The name a file uses for an import (its alias, else the path's last element), null when it does not import it. */
function importName(text: string, importPath: string): string | null {
  const esc = importPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const m = new RegExp(`(?:^|\\n)\\s*(?:import\\s+)?(?:([A-Za-z_][A-Za-z0-9_]*)\\s+)?"${esc}"`).exec(text);
  if (!m) return null;
  if (m[1] === '_' ) return null;
  return m[1] ?? importPath.slice(importPath.lastIndexOf('/') + 1);
}
