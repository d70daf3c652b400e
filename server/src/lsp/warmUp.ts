import { analyzeText, type Analysis } from '../analysis';
import type { AnalyzeOptions } from '../rules/analyze';

/**
 * Warming the analysis up while the server waits for its first Dockerfile.
 *
 * In a Go workspace the extension starts with the workspace (activation on go.mod), so the
 * server usually sits idle until the user opens a Dockerfile. The first analysis in a process
 * is several times slower than the next ones: V8 compiles each function on its first call,
 * runs it in the interpreter and collects type feedback before it compiles anything better.
 * Analysing a Go service's Dockerfile (three copies of it) a few times while idle pays that on nobody's time:
 * the first file opened later is analysed by code that is compiled and has its feedback.
 *
 * The shell grammar is loaded first (the server otherwise loads it after the first diagnostics,
 * or before them when a script needs it: `"\${VERSION}"` in a RUN does).
 *
 * Only after WARM_UP_IDLE_MS without any open document, one analysis per turn of the event loop
 * (a message that arrives meanwhile waits for one short analysis at most), and stopped as soon
 * as a document opens. Nothing of it is published or kept; it uses no workspace and reads no file.
 *
 * A document opened before that warm-up ended (the usual case when the editor opens with a
 * Dockerfile) gets a second one once its first diagnostics are out: keystrokes typed into its
 * own text, while nothing else is to be done (documentPlan).
 */
export const WARM_UP_IDLE_MS = 300;

/** Analyses of the text: enough for V8 to collect feedback and baseline-compile the hot functions. */
export const WARM_UP_RUNS = 8;

/**
 * Copies of the Dockerfile below in the text analysed (stages renamed): the first file opened is
 * often hundreds of lines, and a few runs over a longer text warm its hot paths (the lexer's and
 * the rules' loops over instructions) more than many runs over a short one, in less time.
 */
const WARM_UP_COPIES = 3;

/**
 * A Go service's multi-stage build, as the rules meet it most: a golang builder with module
 * download and build steps, an apk and an apt install, a copy between stages, a runtime stage
 * with a user, a port and an entrypoint.
 */
const WARM_UP_DOCKERFILE = `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
FROM golang:\${GO_VERSION}-alpine AS build
RUN apk add git ca-certificates
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 GOOS=linux go build -ldflags "-s -w -X main.version=\${VERSION}" \\
    -o /out/app ./cmd/app
RUN go test ./...

FROM debian:bookworm-slim AS tools
RUN apt-get update && apt-get install -y curl tzdata
RUN rm -rf /var/lib/apt/lists/*

FROM alpine:3.20 AS run
RUN apk update && apk add tzdata && \\
    addgroup -S app && adduser -S app -G app
COPY --from=build /out/app /usr/local/bin/app
COPY --from=tools /usr/share/zoneinfo /usr/share/zoneinfo
ENV TZ=UTC PORT=8080
EXPOSE 8080
USER app
HEALTHCHECK CMD wget -qO- http://127.0.0.1:8080/healthz || exit 1
LABEL org.opencontainers.image.title="app"
ENTRYPOINT ["/usr/local/bin/app", "serve"]
`;

/**
 * Keystrokes typed after the whole-file analyses, each analysed from the previous model as the
 * server analyses an edit. Typing runs other code than opening does (the re-parse of changed
 * instructions, the re-use of unchanged stages' findings, the workspace's facts asked again), and
 * V8 optimizes it on the first keystrokes: without these, the first twenty or so keystrokes after
 * opening a 1,400-line file took 3 to 10 times as long as the later ones (15-90 ms against 5-10),
 * the tail of every typing session. A word typed and deleted again at the end of a line, a few
 * lines in turn.
 */
export const WARM_UP_KEYSTROKES = 40;
const TYPED_WORD = ' -x';

/** The lines of WARM_UP_DOCKERFILE typed into: the lines a Go developer edits most. */
const TYPED_LINES = [/^RUN go mod download/, /^ {4}-o \/out\/app/, /^COPY go\.mod/, /^ENV TZ=/];

/**
 * After a document opened, the keystrokes are typed into its own text (its instructions, its
 * workspace), up to this many lines of it (cut before a FROM): the code a keystroke runs there,
 * at about the size of a long Dockerfile, not the whole of a huge one.
 */
export const WARM_UP_DOCUMENT_LINES = 1500;

/** What a warm-up analyses: `text` whole `wholeRuns` times, then typed into, with `inputs` (workspace, settings). */
export interface WarmUpPlan {
  text: string;
  wholeRuns: number;
  /** The lines typed into (none: no keystrokes). */
  typedLines: number[];
  inputs: AnalyzeOptions;
}

/** Before any document is open: WARM_UP_RUNS analyses of the warm-up text, then keystrokes; no workspace. */
export function idlePlan(): WarmUpPlan {
  const text = warmUpText();
  return { text, wholeRuns: WARM_UP_RUNS, typedLines: linesMatching(text, (l) => TYPED_LINES.some((re) => re.test(l))), inputs: {} };
}

/**
 * After a document opened (its first analysis warmed the whole-file path): one analysis of its
 * first WARM_UP_DOCUMENT_LINES lines, then keystrokes into up to four of its RUN lines (those that
 * end there: a word after a `\` would join the next line). Nothing of it is kept or published.
 */
export function documentPlan(document: string, inputs: AnalyzeOptions): WarmUpPlan {
  const lines = document.split('\n');
  let end = lines.length;
  if (end > WARM_UP_DOCUMENT_LINES) {
    end = WARM_UP_DOCUMENT_LINES;
    for (let k = end; k > 0; k--) if (/^\s*FROM\s/i.test(lines[k])) { end = k; break; }
  }
  const text = lines.slice(0, end).join('\n');
  const runs = linesMatching(text, (l) => /^\s*RUN\s/i.test(l) && !/\\\s*$/.test(l));
  const typedLines = runs.length <= 4 ? runs : [0, 1, 2, 3].map((k) => runs[Math.floor(((2 * k + 1) * runs.length) / 8)]);
  return { text, wholeRuns: 1, typedLines, inputs };
}

function linesMatching(text: string, test: (line: string) => boolean): number[] {
  return text.split('\n').flatMap((l, i) => (test(l) ? [i] : []));
}

/**
 * Runs the warm-up once `grammar` is loaded, one analysis per turn, while `idle()` holds;
 * `done(runs, ms)` once it stops (ms: the time spent analysing). A failure ends it quietly: it
 * was only a warm-up. `plan` is asked for once the grammar is there.
 */
export function warmUp(grammar: PromiseLike<void>, plan: () => WarmUpPlan, idle: () => boolean, done: (runs: number, ms: number) => void): void {
  let runs = 0;
  let ms = 0;
  let p: WarmUpPlan;
  let last: Analysis | undefined;
  const step = () => {
    const keystrokes = p.typedLines.length > 0 ? WARM_UP_KEYSTROKES : 0;
    if (runs >= p.wholeRuns + keystrokes || !idle()) return done(runs, ms);
    const t0 = Date.now();
    try {
      last = runs < p.wholeRuns
        ? analyzeText(p.text, p.inputs)
        : analyzeText(typedText(p.text, p.typedLines, runs - p.wholeRuns), p.inputs, last!.model, last!.stageFindings);
    } catch {
      return done(runs, ms);
    }
    ms += Date.now() - t0;
    runs++;
    setImmediate(step);
  };
  grammar.then(() => {
    try {
      p = plan();
    } catch {
      return done(0, 0);
    }
    step();
  }, () => done(0, 0));
}

/** The text after keystroke `k`: TYPED_WORD typed at the end of a line and deleted again, line after line. */
export function typedText(text: string, typedLines: readonly number[], k: number): string {
  const lines = text.split('\n');
  const perLine = 2 * TYPED_WORD.length;
  const at = typedLines[Math.floor(k / perLine) % typedLines.length]!;
  const step = k % perLine;
  const typed = step < TYPED_WORD.length ? step + 1 : perLine - step - 1;
  lines[at] += TYPED_WORD.slice(0, typed);
  return lines.join('\n');
}

/** WARM_UP_COPIES copies of WARM_UP_DOCKERFILE, each with its own stage names. */
export function warmUpText(): string {
  const copies = [WARM_UP_DOCKERFILE];
  const body = WARM_UP_DOCKERFILE.replace(/^# syntax=.*\n/, '');
  for (let k = 1; k < WARM_UP_COPIES; k++) copies.push(body.replace(/ AS (\w+)/g, ` AS $1${k}`).replace(/--from=(\w+)/g, `--from=$1${k}`));
  return copies.join('\n');
}
