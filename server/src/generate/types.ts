/** The generator's public types (see ./index.ts and docs/generate.md). */

export const RUNTIMES = ['distroless', 'scratch', 'alpine', 'debian'] as const;
export type Runtime = (typeof RUNTIMES)[number];

export function isRuntime(value: unknown): value is Runtime {
  return typeof value === 'string' && (RUNTIMES as readonly string[]).includes(value);
}

export interface GenerateOptions {
  /**
   * The main package to build: its folder (`cmd/server`, `./cmd/server`, `.`), its import path,
   * or its binary name (`server` for `cmd/server`). Required when the workspace has several.
   */
  package?: string;
  /** The runtime image family (default `distroless`). */
  runtime?: Runtime;
  /**
   * Stamp a version with `-ldflags -X main.<var>=${VERSION}` (+ `ARG VERSION=dev`).
   * Default (undefined): when the main package declares `var version string` (or `Version`).
   * `true` without such a variable stamps `main.version` and warns; `false` never stamps.
   */
  stampVersion?: boolean;
  /**
   * The port to EXPOSE: a number, or null for none. Default (undefined): the ports the sources
   * surely listen on (see ./ports.ts); a guess is only reported.
   */
  port?: number | null;
}

/** One main package the generator can build. */
export interface GenerateTarget {
  /** Folder, relative to the build context ('' for the root). */
  dir: string;
  importPath: string | null;
  /** Binary name: `<name>` for `cmd/<name>`, the module's last path element for its root package. */
  binary: string;
  /** Folder of the go.mod governing it ('' for the root). */
  module: string | null;
  /** Why it ranks where it does (`the main package at the module root`, `under examples/…`). */
  why?: string;
  /** 0 (what a repository ships), 1 (another command), 2 (a helper: examples, tools, nested modules). */
  tier?: 0 | 1 | 2;
}

export interface GenerateResult {
  dockerfile: string;
  dockerignore: string;
  /** The main package built. */
  target: GenerateTarget;
  /** Why the Dockerfile looks the way it does, one decision per entry. */
  reasons: string[];
  /** Things the user should check (a port on localhost, a go.work member outside the context…). */
  warnings: string[];
  /** Every main package of the workspace (the target among them). */
  candidates: GenerateTarget[];
  runtime: Runtime;
  images: { builder: string; runtime: string };
  /** Ports written as EXPOSE. */
  exposes: number[];
  /** Every port the sources suggest, with where it was found (the editor offers them). */
  portEvidence: { port: number; external: boolean; confidence: 'sure' | 'guess'; via: string; file: string }[];
  /** The `var version` a build can stamp (`main.version in main.go`), null when none. */
  versionVariable: string | null;
  /** A version is stamped with -ldflags -X. */
  stamped: boolean;
  cgo: boolean;
  /**
   * The project's own ignore file (`.dockerignore`, or `Dockerfile.dockerignore` which BuildKit
   * prefers) and what it excludes that this Dockerfile needs; null when the context has none.
   * Non-empty `conflicts`: with that file kept, `docker build` fails or builds without those
   * paths, so callers must not write the Dockerfile alone (the CLI refuses, exit 3; the editor
   * offers only to replace the ignore file too).
   */
  existingIgnore: { path: string; conflicts: IgnoreConflict[] } | null;
}

/** A path the generated build needs that the existing ignore file excludes. */
export interface IgnoreConflict {
  /** The excluded path (the input, or the file under it that decides). */
  path: string;
  /** What needs it: the COPY source, module file, `package cmd/x`, or `//go:embed …`. */
  needs: string;
  /** The ignore file's line that excludes it (1-based), null when no single line does. */
  line: number | null;
  pattern: string | null;
}

export type GenerateErrorCode =
  | 'no-module'
  | 'no-main-package'
  | 'ambiguous-package'
  | 'unknown-package'
  | 'runtime-needs-libc'
  | 'embed-missing'
  /** The program imports a package of its own module that the tree does not have (a build step makes it). */
  | 'package-missing'
  /** Go sources a `//go:generate` of the program writes (bpf2go's) are not in the tree, and the build needs them. */
  | 'generated-missing'
  | 'context-too-small'
  /** A local `replace` of a required module points at a folder of the context that holds no go.mod (an unchecked-out git submodule). */
  | 'replace-missing'
  | 'bad-option'
  /** A name from the repository (folder, module path) that must not be written into a Dockerfile. */
  | 'unsafe-name';

/** Nothing can be generated without the caller's help; `candidates` lists the main packages. */
export class GenerateError extends Error {
  constructor(
    readonly code: GenerateErrorCode,
    message: string,
    readonly candidates: GenerateTarget[] = [],
    /** For `context-too-small`: the folder (absolute) that would contain everything the build needs. */
    readonly suggestedContext?: string,
  ) {
    super(message);
    this.name = 'GenerateError';
  }
}
