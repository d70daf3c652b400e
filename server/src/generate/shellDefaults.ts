/**
 * Programs a program runs through a shell command line its sources give as a default: it runs
 * `sh -c <a command line it builds>` (not a literal, so the loader's reading of exec calls names
 * only sh), and one of its packages sets a field or variable named for a command (…Command,
 * …Template, …Script) to a literal command line that starts with a program and a flag. That
 * program is what the shell runs unless the configuration gives another line.
 *
 * umputun/feed-master 8d14916 app/config/config.go:177-178 `c.YouTube.DlTemplate = \`yt-dlp
 * --extract-audio --audio-format=mp3 …\``, run by app/youtube/feed/downloader.go:60
 * `exec.CommandContext(ctx, "sh", "-c", b1.String())` after filling the template; its Dockerfile:31-32
 * installs ffmpeg, python3 and yt-dlp (judge 39 G G2). A Check, never an install: the line is a
 * default the configuration may replace.
 */
import { stripGoComments } from '../workspace/goText';

export interface ShellDefaults {
  /** The shell calls, at most two (`exec.CommandContext(ctx, "sh", "-c", b1.String()) in app/youtube/feed/downloader.go`). */
  calls: string[];
  /** Each program a default line starts with: where it is set, the line (shortened), what else it runs. */
  defaults: { program: string; target: string; line: string; file: string; alsoRuns: string[] }[];
}

/** `exec.Command[Context]([ctx, ]"sh", "-c", <not a literal>…)`. */
const SHELL_CALL = /\bexec\.(Command(?:Context)?)\(\s*([A-Za-z_][\w.]*(?:\(\))?\s*,\s*)?"((?:\/bin\/|\/usr\/bin\/)?(?:sh|bash))"\s*,\s*"-c"\s*,\s*([A-Za-z_][\w.]*(?:\([^()\n]*\))?)\s*[,)]/g;
/** `x.y.NameTemplate = <literal>`, `NameCmd: <literal>,`, `nameCommand := <literal>`. */
const DEFAULT_LINE = /(?:^|[\s{(,])((?:[A-Za-z_][A-Za-z0-9_]*\.)*([A-Za-z_][A-Za-z0-9_]*))\s*(:=|=(?!=)|:)\s*(`[^`]*`|"(?:[^"\\\n]|\\.)*")/gm;
// Not …Cmd: version-control tables hold the arguments of their own program there (dagger/dagger
// engine/vcs/vcs.go `DownloadCmd = "pull --ff-only"`, git's arguments, not a program of its own).
const COMMAND_NAME = /(?:Command|Template|Tmpl|Script)$/i;
/** A command line: a bare program name, then a flag. */
const COMMAND_LINE = /^\s*([a-z][a-z0-9_+-]{1,30})\s+--?[A-Za-z]/;
/** Shells and the shell's own words are no program of their own here. */
const NOT_PROGRAMS = new Set(['sh', 'bash', 'echo', 'exec', 'env', 'test', 'true', 'false', 'cd', 'set', 'export',
  // Subcommands of a version-control program, whose arguments such a line holds.
  'pull', 'push', 'clone', 'fetch', 'checkout', 'update', 'init', 'status', 'log', 'config', 'remote', 'submodule']);
/** yt-dlp and youtube-dl post-process with ffmpeg: extracting audio, converting, merging, embedding. */
const FFMPEG_OPTIONS = /(?:^|\s)(?:--extract-audio|-x|--audio-format|--recode-video|--remux-video|--merge-output-format|--embed-thumbnail|--embed-subs)(?=[\s=]|$)/;

export function shellDefaults(packages: readonly { dir: string; files: readonly { file: string; text: string }[] }[], binary: string): ShellDefaults | null {
  const code = packages.flatMap((p) => p.files.map((f) => ({ file: p.dir === '' ? f.file : `${p.dir}/${f.file}`, text: stripGoComments(f.text) })));
  const calls: string[] = [];
  for (const c of code) {
    for (const m of c.text.matchAll(SHELL_CALL)) {
      const shown = `exec.${m[1]}(${m[2] === undefined ? '' : `${m[2].replace(/\s*,\s*$/, '')}, `}"${m[3]}", "-c", ${m[4]}) in ${c.file}`;
      if (calls.length < 2 && !calls.includes(shown)) calls.push(shown);
    }
  }
  if (calls.length === 0) return null;
  const defaults: ShellDefaults['defaults'] = [];
  for (const c of code) {
    for (const m of c.text.matchAll(DEFAULT_LINE)) {
      if (!COMMAND_NAME.test(m[2])) continue;
      // A default: a literal's field, or an assignment the file makes only when the setting is
      // empty (`if c.YouTube.DlTemplate == "" {`); not a constant the program runs for a step of its
      // own (ollama/ollama cmd/launch/hermes.go:29 `hermesInstallScript = "curl -fsSL … | bash"`).
      if (m[3] !== ':' && !new RegExp(`\\b${m[1].replace(/\./g, '\\.')}\\s*==\\s*""`).test(c.text)) continue;
      const value = m[4].startsWith('`') ? m[4].slice(1, -1) : m[4].slice(1, -1).replace(/\\"/g, '"');
      if (value.includes('\n')) continue;
      const program = COMMAND_LINE.exec(value)?.[1];
      if (program === undefined || NOT_PROGRAMS.has(program) || program === binary || defaults.some((d) => d.program === program)) continue;
      const alsoRuns = /^(?:yt-dlp|youtube-dl)$/.test(program) && FFMPEG_OPTIONS.test(value) ? ['ffmpeg'] : [];
      const line = value.trim().length > 50 ? `${value.trim().slice(0, 47)}...` : value.trim();
      defaults.push({ program, target: m[1], line, file: c.file, alsoRuns });
    }
  }
  return defaults.length > 0 ? { calls, defaults: defaults.slice(0, 3) } : null;
}
