/** What a RUN/CMD/ENTRYPOINT script holds for the rules, from either reader (shell.ts, plainShell.ts). */

/** A word of a command, with its value as the shell would see it when it is static. */
export interface ShellWord {
  /** The value with quotes and escapes removed; the raw text when `dynamic`. */
  value: string;
  raw: string;
  /** Offsets into the script. */
  start: number;
  end: number;
  /** Contains an expansion ($VAR, $(...), globs are not counted). */
  dynamic: boolean;
}

export interface ShellAssignment {
  name: string;
  value: string;
  start: number;
  end: number;
  /**
   * A stand-alone assignment that may not run, or not in the script's own shell: inside an
   * `if`, `case`, loop, function, subshell or pipeline, or after `||`. Absent otherwise.
   */
  conditional?: true;
}

/**
 * A file redirection of a command (`>f`, `2>>log`, `<in`, `&>f`), as the shell applies it to that
 * command: written among its words, or after it (also after the last command of a pipeline).
 */
export interface ShellRedirect {
  /** The operator with its descriptor, as written: `>`, `>>`, `2>`, `<`, `&>`, `>&`. */
  op: string;
  /** The file (the first destination word); null for a descriptor close (`>&-`). */
  target: ShellWord | null;
  /** Offsets into the script, from the descriptor or operator to the end of the target. */
  start: number;
  end: number;
}

/** One simple command: `A=1 B=2 name arg...`. */
export interface ShellCommand {
  env: ShellAssignment[];
  /** argv[0] is the command name. */
  argv: ShellWord[];
  start: number;
  end: number;
  /** Its file redirections, in order (tree-sitter's reading only: plain scripts have none). Absent when none. */
  redirects?: ShellRedirect[];
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Assignments that stand alone (`export X=1` is a command; `X=1` alone is here). */
  assignments: ShellAssignment[];
  hasErrors: boolean;
  /** The script is exactly one simple command with static words and no operators. */
  simple: boolean;
  /**
   * The `sh -c '…'` / `bash -c "…"` strings whose commands are in `commands` (after the shell
   * command that runs them: shell.ts withNestedScripts), their quotes included, in script
   * offsets. Absent when there are none. Their contents are read only where every character is
   * the inner script's own (one single-quoted string, or a double-quoted one without `\`, `$`,
   * or a backquote), so each nested word's offsets point at its text; an edit inside must not
   * write the quote (nor, in `"…"`, `\`, `$`, a backquote): rules/analyze.ts drops such fixes.
   * Assignments standing alone in them are in `assignments`, `conditional` (another shell).
   */
  nested?: NestedScript[];
}

export interface NestedScript {
  start: number;
  end: number;
  quote: "'" | '"';
}
