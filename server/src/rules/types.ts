import type { DockerfileModel } from '../dockerfile/model';
import type { Span } from '../dockerfile/text';
import type { Edit } from '../edits/edits';
import type { WorkspaceFiles } from '../workspace/load';
import type { WorkspaceModel } from '../workspace/model';

export type { WorkspaceFiles };

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Fix {
  title: string;
  /** Edits of the Dockerfile, in document offsets; never overlapping. */
  edits: Edit[];
  /** Files to create beside the Dockerfile's context (e.g. .dockerignore), context-relative. */
  createFiles?: { path: string; text: string }[];
  /**
   * Edits of other existing files of the context (e.g. .dockerignore): context-relative path,
   * offsets into that file's text as the workspace read it. Fix-all edits the Dockerfile alone:
   * rules mark such fixes (like those with `createFiles`) `safe: false`.
   */
  editFiles?: { path: string; edits: Edit[] }[];
  /** Safe to apply unattended in fix-all (does not change what the image does). */
  safe: boolean;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: Fix;
}

export interface RuleContext {
  model: DockerfileModel;
  /** Index of the final stage (the configured target, else the last stage); -1 when there is no FROM. */
  finalStage: number;
  /** The Go workspace of the build context, when known. Rules marked `needsWorkspace` stay silent without it. */
  workspace?: WorkspaceModel;
  /** The build context's files, when the workspace was loaded from disk. */
  files?: WorkspaceFiles;
}

/** What a rule reports; the registry adds the code and the (configured) severity. */
export interface RuleFinding {
  message: string;
  span: Span;
  /** Overrides the rule's default severity for this finding (rules with split severities). */
  severity?: Severity;
  fix?: Fix;
}

export interface Rule {
  code: string;
  name: string;
  severity: Severity;
  needsWorkspace: boolean;
  /** Equivalent codes of peer linters whose suppression pragmas apply (hadolint DLxxxx, BuildKit checks). */
  peers?: string[];
  check(ctx: RuleContext): RuleFinding[];
}
