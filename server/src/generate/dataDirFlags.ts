/**
 * A data-folder flag whose default is an absolute folder in a root-owned place (zcash/lightwalletd
 * ba1b931 cmd/root.go:334 `rootCmd.Flags().String("data-dir", "/var/lib/lightwalletd", "data
 * directory (such as db)")`, made at start with os.MkdirAll, cmd/root.go:235-237, which stops the
 * program with "Can't create data directory" when it fails). The generated image has no such
 * folder and runs as 65532, which cannot create one under /var/lib: the Check names the flag and
 * what to pass. The project's own image makes the folder for its user (lightwalletd's Dockerfile:50-51
 * `mkdir -p /var/lib/lightwalletd/db && chown 2002:2002 …`).
 *
 * Plain text over comment-blanked sources, like the rest of the generator's readings.
 */
import { stripGoComments } from '../workspace/goText';

interface Source { dir: string; files: readonly { file: string; text: string }[] }

export interface DataDirFlag {
  flag: string;
  /** The default, an absolute folder. */
  path: string;
  /** `cmd/root.go:334`. */
  at: string;
}

/** Flag names that say the folder holds the program's data. */
const DATA_FLAG = /^(?:data|state|db|database|storage)[-_.]?(?:dir|directory|path|folder)$|^datadir$/i;
/** Folders a non-root user may write (or the image makes for it). */
const WRITABLE = /^\/(?:app|tmp|home\/nonroot)(?:\/|$)/;

/**
 * The data-folder flags of the command the program executes with an absolute default outside /app,
 * /tmp and the nonroot home (flag package, pflag/cobra: String, StringP, StringVar, StringVarP), when
 * the program creates folders (os.MkdirAll or os.Mkdir in one of its packages).
 */
export function dataDirFlags(pkgs: readonly Source[], mainDir: string): DataDirFlag[] {
  const files = pkgs.flatMap((p) => p.files.filter((f) => !f.file.endsWith('_test.go')).map((f) => ({ dir: p.dir, path: p.dir === '' ? f.file : `${p.dir}/${f.file}`, text: stripGoComments(f.text) })));
  if (!files.some((f) => /\bos\.Mkdir(?:All)?\(/.test(f.text))) return [];
  const out: DataDirFlag[] = [];
  const name = '"([A-Za-z][A-Za-z0-9_.-]*)"';
  // The flag set: the flag package's (`flag.String(`), or a cobra command's (`rootCmd.Flags().String(`, `.PersistentFlags()`).
  const flagCall = new RegExp(`(?:\\b(flag)|\\b([A-Za-z_][A-Za-z0-9_]*)\\.(?:Persistent)?Flags\\(\\))\\.(?:String(?:P)?\\(\\s*${name}\\s*,\\s*(?:"[A-Za-z]?"\\s*,\\s*)?"(\\/[^"\\n]*)"\\s*,|StringVar(?:P)?\\(\\s*&[A-Za-z_][A-Za-z0-9_.]*\\s*,\\s*${name}\\s*,\\s*(?:"[A-Za-z]?"\\s*,\\s*)?"(\\/[^"\\n]*)"\\s*,)`, 'g');
  for (const f of files) {
    for (const m of f.text.matchAll(flagCall)) {
      // Only the command the program executes: the flag package's flags in the main package, or a
      // cobra command its package executes (lightwalletd's `rootCmd.Execute()`); not the root of a
      // package added as a subcommand (mariadb-operator's cmd/agent RootCmd, `--state-dir`).
      if (m[1] === 'flag' ? f.dir !== mainDir : !files.some((g) => g.dir === f.dir && new RegExp(`\\b${m[2]}\\.Execute(?:Context)?C?\\(`).test(g.text))) continue;
      const flag = m[3] ?? m[5];
      const path = (m[4] ?? m[6]).replace(/\/+$/, '');
      if (!DATA_FLAG.test(flag) || path === '' || WRITABLE.test(path) || out.some((o) => o.flag === flag)) continue;
      out.push({ flag, path, at: `${f.path}:${f.text.slice(0, m.index).split('\n').length}` });
    }
  }
  return out;
}
