/**
 * The usage lines of the commands, apart from the commands: the lint-only bundle (cliLint.ts)
 * prints them all on a usage error without loading the generator or the layer model.
 */
import { RUNTIMES } from '../generate/types';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab'] as const;

export const LINT_USAGE = `go-dockerfile lint <Dockerfile|DIR...> [--context DIR] [--target STAGE] [--format ${FORMATS.join('|')}] [--fix] [--fail-on error|warning|information|hint]`;

export const GENERATE_USAGE = `go-dockerfile generate [DIR] [--package PKG] [--runtime ${RUNTIMES.join('|')}] [--stamp-version|--no-stamp-version] [--port N|none] [--stdout] [--force] [--format text|json]`;

export const LAYERS_USAGE =
  'go-dockerfile layers <Dockerfile> [--context DIR] [--changed PATH...] [--change go|gomod|dockerfile:LINE|arg:NAME] [--target STAGE] [--build-arg NAME=VALUE] [--format text|json]\n'
  + '  [--measure [--builder auto|docker|podman|buildah] [--builder-arg=ARG...] [--build-option=ARG...] [--format measurement]]';

export const USAGE = `Usage:\n  ${LINT_USAGE}\n  ${GENERATE_USAGE}\n  ${LAYERS_USAGE}\n  go-dockerfile COMMAND --help | go-dockerfile --version`;
