/** `go-dockerfile COMMAND --help`: the usage line and what each option does. */
import { GENERATE_USAGE, LAYERS_USAGE, LINT_USAGE } from './usage';

export const COMMANDS = ['lint', 'generate', 'layers'] as const;
export type Command = (typeof COMMANDS)[number];

export const HELP: Record<Command, string> = {
  lint: `Usage: ${LINT_USAGE}

Lints Dockerfiles of Go projects (rules GD1xx-GD3xx; docs/rules/ has a page per rule).
A folder stands for every Dockerfile, *.Dockerfile, Dockerfile.* and Dockerfile-* below it;
all files are linted in one process.

Options:
  --context DIR     the build context (default: the nearest folder above the Dockerfile with go.mod or go.work)
  --target STAGE    the stage built as the image (docker build --target): it is checked as the
                    final image, and stages that build does not need are not reported
                    (default: the last stage)
  --format FORMAT   text (default), json, sarif (code scanning), github (Actions annotations),
                    gitlab (Code Quality report)
  --fix             write the safe fixes to the files, then report what is left
  --fail-on LEVEL   exit 1 when a finding at or above LEVEL remains (default error)
  -h, --help        this help

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage error, unreadable file
or a folder with no Dockerfile.`,
  generate: `Usage: ${GENERATE_USAGE}

Writes DIR/Dockerfile and DIR/.dockerignore for the Go module or workspace in DIR (default .).

Options:
  --package PKG, -p PKG   the main package to build when there are several
  --runtime NAME          the final image: distroless (default; a glibc one when cgo is needed),
                          scratch, alpine or debian
  --stamp-version         pass the version from git to the build (-X main.version)
  --no-stamp-version      do not
  --stdout                print the Dockerfile instead of writing files
  --force                 overwrite an existing Dockerfile and .dockerignore (with --stdout: print even
                          when the existing .dockerignore would break the build)
  --format text|json      the report's format
  -h, --help              this help

Exit codes: 0 written, 1 a Dockerfile exists (nothing written), 2 usage error or nothing to generate,
3 the existing .dockerignore excludes what the generated build needs (nothing written; it says which lines).`,
  layers: `Usage: ${LAYERS_USAGE}

Shows the layers a Dockerfile makes, what each copies and weighs, and which steps an edit rebuilds.

Options:
  --context DIR           the build context (default: the nearest folder with go.mod or go.work)
  --changed PATH...       files an edit changes: marks the steps a rebuild re-runs
  --change KIND           a kind of change instead: go, gomod, dockerfile:LINE or arg:NAME
  --target STAGE          build up to this stage
  --build-arg NAME=VALUE  a build argument (repeatable)
  --format text|json      the output's format
  -h, --help              this help

Exit codes: 0 shown, 2 usage error or unreadable file.`,
};

export function isCommand(s: string | undefined): s is Command {
  return (COMMANDS as readonly string[]).includes(s ?? '');
}

export function wantsHelp(argv: string[]): boolean {
  return argv.some((a) => a === '-h' || a === '--help');
}
