import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { Span } from '../dockerfile/text';
import type { Edit } from '../edits/edits';
import type { ReleaseSource, WorkspaceFiles } from '../workspace/types';
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
   * offsets into `base`, that file's text as the workspace read it; the server offers the edit
   * only while the file still has that text. Fix-all edits the Dockerfile alone: rules mark such
   * fixes (like those with `createFiles`) `safe: false`.
   */
  editFiles?: { path: string; base: string; edits: Edit[] }[];
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
  /**
   * The build context was given (the CLI's `--context`, the editor's `goDockerfile.buildContext`),
   * not guessed from the nearest go.mod: what lies outside it is known to be out of the build.
   */
  contextGiven?: boolean;
  /**
   * The Dockerfile's path relative to the build context root (`Dockerfile`, `build/Dockerfile`),
   * when it lies in the context and the workspace was loaded: what the context's build files
   * (workflows, Makefiles, bake files) name it by.
   */
  dockerfile?: string;
  /**
   * The repository a release tool (goreleaser) builds the image's binaries in, when the build
   * context is that tool's artifact folder and lies outside it: what the programs are
   * (facts/releaseBuilds.ts programSource). With `via: 'repository'`, only the repository around
   * the Dockerfile, whose programs count when the Dockerfile installs its module at a version.
   */
  release?: ReleaseSource;
  /**
   * For a stage-scoped rule: the stages to report on (all when absent; see stagesToCheck). The
   * runner runs such a rule one stage at a time and keeps each stage's findings.
   */
  stages?: readonly Stage[];
}

/** The stages a stage-scoped rule reports on. */
export function stagesToCheck(ctx: RuleContext): readonly Stage[] {
  return ctx.stages ?? ctx.model.stages;
}

/** What a rule reports; the registry adds the code and the (configured) severity. */
export interface RuleFinding {
  message: string;
  span: Span;
  /** Overrides the rule's default severity for this finding (rules with split severities). */
  severity?: Severity;
  fix?: Fix;
}

/**
 * `finding`, its `fix` worked out when first read (a code action, fix-all, `lint --fix`), not
 * when found: most analyses (a keystroke's, a CLI lint's) never read a fix, and building one can
 * cost as much as the check (GD104's moved copies, GD304's merged script). `build` runs at most
 * once; it may read the analysis' model and workspace, which the finding keeps until then.
 */
export function withLazyFix(finding: { message: string; span: Span; severity?: Severity }, build: () => Fix | null | undefined): RuleFinding {
  return new LazyFixFinding(finding.message, finding.span, finding.severity, build);
}

/**
 * A finding whose fix is built on first read. A class, its getter on the prototype: a getter
 * defined on each object gives each its own hidden class, which made the analysis slower than
 * building every fix.
 */
export class LazyFixFinding implements RuleFinding {
  severity?: Severity;
  private pending: (() => Fix | null | undefined) | undefined;
  private built: Fix | undefined;

  constructor(public message: string, public span: Span, severity: Severity | undefined, build: () => Fix | null | undefined) {
    if (severity !== undefined) this.severity = severity;
    this.pending = build;
  }

  get fix(): Fix | undefined {
    const build = this.pending;
    if (build) {
      this.pending = undefined; // a throwing build is not run again: its finding has no fix
      this.built = build() ?? undefined;
    }
    return this.built;
  }
}

/** Whether `finding.fix` is built on first read (withLazyFix): a copy forwards it rather than reading it. */
export function fixIsLazy(finding: RuleFinding): finding is LazyFixFinding {
  return finding instanceof LazyFixFinding;
}

/**
 * How a rule's findings can be fixed: `safe` — it offers edits and marks those that keep what the
 * image does `safe`, so fix-all applies them; `unsafe` — it offers edits, never applied
 * unattended; `command` — besides edits, it offers a client command (`command`); `none`.
 */
export type FixKind = 'safe' | 'unsafe' | 'command' | 'none';

/**
 * What a rule reads besides the Dockerfile's text, so a reader sees its inputs at a glance (and
 * test/unit/rule-declarations.test.ts checks them against the rule's imports).
 */
export type FactName =
  | 'copySources' // COPY/ADD sources and destinations (dockerfile/copySources.ts, dockerfile/facts.ts)
  | 'goCommands' // the go commands of RUNs and the environment they see (dockerfile/goBuild.ts)
  | 'goBuilds' // go builds mapped to the context's packages and to the final stage (facts/builtPackages.ts)
  | 'cgo' // whether a build's package needs cgo (facts/cgo.ts)
  | 'contextInputs' // what the build needs from the context (facts/contextInputs.ts)
  | 'embeds' // the //go:embed patterns of the context's packages
  | 'images' // the offline base-image table (images/)
  | 'packageInstalls' // apk/apt/yum installs and removals (dockerfile/packages.ts)
  | 'workspace' // the Go workspace model: go.mod/go.work, packages, imports
  | 'contextFiles' // the build context's file index (exists, sizes, listing)
  | 'dockerignore' // the root .dockerignore
  | 'gitignore'; // .gitignore files from the context up to the repository root

/**
 * A rule, declared the way Go's golang.org/x/tools/go/analysis declares an analyzer: what it is
 * (code, name, summary), how it reports (severities, peers), what it needs (workspace, facts),
 * how it fixes, and `check`. The registry derives the rule tables, each page's header, the SARIF
 * rule metadata and the settings schema from these (scripts/rule-docs.ts).
 */
export interface Rule {
  code: string;
  name: string;
  /** One line: what the rule finds. */
  summary: string;
  /** Default severity. */
  severity: Severity;
  /** Every severity its findings can have, when a finding may override the default (split severities). */
  severities?: readonly Severity[];
  needsWorkspace: boolean;
  /** Equivalent codes of peer linters whose suppression pragmas apply (hadolint DLxxxx, BuildKit checks). */
  peers?: string[];
  fix: FixKind;
  /** For `fix: 'command'`: the client command the quick fix runs, offered to clients that list it. */
  command?: { id: string; title: string; actionTitle: string };
  /** What it reads besides the Dockerfile's text. */
  facts: readonly FactName[];
  /**
   * `stage`: what it reports for a stage depends only on that stage and the stages it is built
   * FROM (stageChain), the stage list (names, bases, platforms), what `COPY --from` copies out
   * of which stage (the stage and the words), which cache mounts a `go mod download` fills in
   * which stage, the stages images are built from (imageStages), the global ARGs, the parser
   * directives, the final stage's index and the workspace; it reports within those stages'
   * text, with messages and fix titles that name no offset (nor a line, unless `namesLines`), and
   * it loops over stagesToCheck(ctx). While editing, it then runs again only for the stages whose
   * chain's text changed (rules/stageReuse.ts). `file` (the default): it runs on every analysis.
   */
  scope?: 'stage' | 'file';
  /**
   * A file rule each of whose findings is about the instructions of the stage it lies in (a go
   * step, a FROM's pull): rules/analyze.ts reports none in a stage no build builds
   * (facts/unbuiltStages.ts), as for every stage rule.
   */
  inStage?: boolean;
  /** A stage rule whose messages or fix titles name lines: its findings are kept only while its stages stay on their lines. */
  namesLines?: boolean;
  /**
   * A stage rule that also reads the stages built FROM the stage (GD107: a child's ENTRYPOINT
   * running go, a child's RUN reading the modules, with fix edits there): a stage's findings are
   * kept only while those stages' text is unchanged too.
   */
  readsDescendants?: boolean;
  /**
   * A stage rule that also reads the stages its stage's chain copies or mounts files from
   * (`COPY --from`, `--mount=from=`), and theirs, transitively (GD212, GD213: a start script
   * written by a RUN of a builder stage and copied in): a stage's findings are kept only while
   * those stages' chains are unchanged too.
   */
  readsCopiedStages?: boolean;
  /**
   * A stage rule whose findings for a stage also depend on something of other stages that the
   * stage reuse does not compare (GD119: the folders any context copy feeding the target brings
   * in): a text of it, compared between versions; when it changes, the rule runs for every stage.
   */
  reuseKey?: (ctx: RuleContext) => string;
  /** Details for the page header, in markdown, after the generated value (e.g. when each severity applies). */
  docs?: { severity?: string; workspace?: string; fix?: string; peers?: string };
  check(ctx: RuleContext): RuleFinding[];
}
