/**
 * The Go workspace a Dockerfile builds: what the rules, the generator and the layer model
 * know about the build context. Built from files alone (see ./load.ts).
 *
 * Everything here is plain data (JSON-serialisable): no class instances, no functions. Helpers
 * that answer questions about a model live in ./query.ts; the live, updatable object is the
 * `Workspace` of ./load.ts.
 *
 * Paths are relative to the context root, with '/' separators, '' for the root itself.
 */

import type { DataNamedRun, ProgramRun } from './programsRun';

/** One `require` line of a go.mod. */
export interface GoRequirement {
  path: string;
  version: string;
  /** Marked `// indirect`. */
  indirect: boolean;
  /** 1-based line in go.mod. */
  line: number;
}

/** One `replace` line of a go.mod or go.work. */
export interface GoReplace {
  oldPath: string;
  oldVersion: string | null;
  newPath: string;
  newVersion: string | null;
  /** The replacement is a local directory (`./x`, `../x`, `/abs`). */
  local: boolean;
  line: number;
}

export interface GoModule {
  /** Folder of go.mod, relative to the context root ('' for the root), with '/' separators. */
  dir: string;
  /** The `module` path; '' when go.mod has none (malformed) or the go.mod is missing. */
  path: string;
  /** The `go` directive, e.g. `1.22` or `1.22.3`. */
  goVersion: string | null;
  /** The `toolchain` directive as written, e.g. `go1.22.3` (null when absent). */
  toolchain: string | null;
  /** Module paths of every requirement (direct and `// indirect`), in file order. */
  requires: string[];
  hasGoSum: boolean;

  // ---- extensions (not in the first contract) ----
  /** The `toolchain` directive without its `go` prefix, e.g. `1.22.3`; null when absent or not a go version. */
  toolchainVersion: string | null;
  /** Every requirement with its version and `// indirect` mark. */
  requirements: GoRequirement[];
  replaces: GoReplace[];
  /** 1-based line numbers of the directives in go.mod (null when absent). */
  lines: { module: number | null; go: number | null; toolchain: number | null };
  /** A go.mod file exists in this folder (false for a go.work member whose go.mod is missing). */
  goModExists: boolean;
  /** Problems found while parsing (never thrown). Empty for a well-formed go.mod. */
  parseErrors: string[];
  /**
   * The cgo modules of goImports CGO_WRAPPERS (github.com/mattn/go-sqlite3…) whose code (not only
   * go.mod) the module's go.sum holds; undefined when go.sum was not read (none, or a model made
   * without one).
   */
  cgoCodeInSum?: string[];
}

/** A go.work `use` member. */
export interface GoWorkMember extends GoModule {
  /** The `use` argument as written, e.g. `./svc/a`. */
  use: string;
  /** 1-based line of the `use` entry in go.work. */
  useLine: number;
  /** The member is outside the build context (`use ../shared`): Docker cannot COPY it. */
  outsideContext: boolean;
}

export interface GoWork {
  /** The go.work's folder when it is not the context root's (the generator's nearest go.work of a module). */
  dir?: string;
  members: GoWorkMember[];
  hasWorkSum: boolean;
  // ---- extensions ----
  goVersion: string | null;
  toolchain: string | null;
  toolchainVersion: string | null;
  replaces: GoReplace[];
  lines: { go: number | null; toolchain: number | null };
  parseErrors: string[];
}

export interface GoPackage {
  /** Folder relative to the context root, '' for the root. */
  dir: string;
  name: string;
  /** `package main` with `func main`. */
  isMain: boolean;
  /** Import paths of the package's non-test .go files (sorted, de-duplicated; includes "C"). */
  imports: string[];
  /** A non-test file of the package has `import "C"` (see `cgoFallback`). */
  usesCgo: boolean;
  callsLoadLocation: boolean;
  /** A file calls Setuid & co. or builds a syscall.Credential (see GoFileInfo `setsUser`). */
  setsUser: boolean;
  /** A file holds the Docker Engine's socket path as a string literal (see GoFileInfo `dockerSocket`). */
  dockerSocket: boolean;
  /** A file reads a variable CI platforms set in every job (see GoFileInfo `readsCiJobEnv`). */
  readsCiJobEnv: boolean;
  importsTzdata: boolean;
  /**
   * Programs the package runs by name (`exec.Command("git", …)`, a LookPath whose error it
   * returns), from its files that import os/exec, in file order (see ./programsRun.ts).
   */
  runsPrograms: ProgramRun[];
  /**
   * Calls that run a program the data names (`exec.Command(steps.Command, …)`, `exec.Command(cmd[0], …)`,
   * a variable no constant of the package holds), in file order (see ./programsRun.ts `dataNamedRuns`).
   */
  runsDataNamed: DataNamedRun[];
  /** A file imports net/http and may send requests with it (see GoFileInfo `httpClient`). */
  httpClient: boolean;
  /** A file may make a gRPC connection with TLS (see GoFileInfo `grpcTls`). */
  grpcTls: boolean;
  /** A file calls `rest.InClusterConfig()` (see GoFileInfo `inClusterConfig`). */
  inClusterConfig: boolean;
  /**
   * The imports that open no network connection as the package uses them: packages of
   * goImports NO_DIAL_PACKAGES whose client side no file of the package names (GoFileInfo
   * `clientSide`).
   */
  noDialImports: string[];

  // ---- extensions ----
  /** Folder of the go.mod governing this package ('' for the root module), null when none. */
  module: string | null;
  /** Full import path (module path + sub folder), null when no module governs the package. */
  importPath: string | null;
  /** Non-test .go file names in the folder that a linux build may compile, sorted. */
  files: string[];
  /**
   * The package also has files built only without cgo (`//go:build !cgo`): it still builds with
   * CGO_ENABLED=0 even though `usesCgo` is true.
   */
  cgoFallback: boolean;
  /**
   * The `//go:generate` directives of the package's files (those `files` lists), by file
   * (context-relative) and line: what `go generate` runs for the package.
   */
  generates: readonly { file: string; line: number; command: string }[];
}

/** Parsed `vendor/modules.txt`. */
export interface VendorInfo {
  /** Folder holding `vendor/` ('' for the root). */
  dir: string;
  modules: VendorModule[];
}

export interface VendorModule {
  path: string;
  version: string | null;
  /** `=> replacement [version]` as written, null when not replaced. */
  replacement: string | null;
  /** `## explicit` (a direct requirement of the main module). */
  explicit: boolean;
  /** `## explicit; go 1.21` */
  goVersion: string | null;
  /** Vendored package import paths of this module. */
  packages: string[];
}

/** One non-comment line of .dockerignore. */
export interface DockerignorePattern {
  /** 1-based line number in the .dockerignore file. */
  line: number;
  /** The line as written (trimmed). */
  text: string;
  /** The pattern after Docker's normalisation (leading `!` removed, cleaned, leading `/` stripped). */
  pattern: string;
  /** A `!` re-include. */
  negated: boolean;
}

/** Bytes the build context sends, per top-level entry of the context root. */
export interface ContextEntrySize {
  /** File or folder name directly under the context root. */
  name: string;
  isDir: boolean;
  sentFiles: number;
  sentBytes: number;
  excludedFiles: number;
  excludedBytes: number;
  /**
   * The folder was wholly excluded by .dockerignore (and nothing can be re-included from it), so
   * it was not walked: its excluded counts are 0 but unknown.
   */
  notWalked: boolean;
}

export interface ContextSizes {
  sentFiles: number;
  sentBytes: number;
  excludedFiles: number;
  excludedBytes: number;
  /** Per top-level path, largest `sentBytes` first. */
  entries: ContextEntrySize[];
  /** `.git` at the context root. */
  git: {
    /** 'dir' (a repository), 'file' (a worktree or submodule pointer) or null (absent). */
    kind: 'dir' | 'file' | null;
    /** .dockerignore excludes it, or (a repository) everything in it (`.git/**`). */
    excluded: boolean;
    /** Total bytes under .git; null when it was not walked (excluded) or absent. */
    bytes: number | null;
  };
  /** Some sizes are lower bounds: the file cap was hit or excluded folders were not walked. */
  partial: boolean;
}

export interface WorkspaceModel {
  /** Absolute path of the build context root. */
  root: string;
  /** The main module (the go.mod at the root, or the first go.work member). */
  module: GoModule | null;
  /** go.work `use` members, when a go.work exists. */
  work: GoWork | null;
  hasVendor: boolean;
  packages: GoPackage[];
  dockerignore: { text: string; path: string; patterns: DockerignorePattern[] } | null;

  // ---- extensions ----
  /** Every go.mod found in the context (outside vendor/, testdata/, node_modules/, .git), sorted by dir. */
  modules: GoModule[];
  /** `vendor/modules.txt` of the main module (or of the go.work root), parsed. */
  vendor: VendorInfo | null;
  /** Bytes the context sends. */
  context: ContextSizes;
  /** The walk stopped at `maxFiles`: packages, sizes and existence checks are incomplete. */
  truncated: boolean;
}

/** Is this context-relative path present in the workspace? (files only) */
export type FileExists = (relPath: string) => boolean;
