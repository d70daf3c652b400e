import { analyzeText } from '../analysis';

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
 * Runs the warm-up once `grammar` is loaded, one analysis per turn, while `idle()` holds;
 * `done(runs, ms)` once it stops (ms: the time spent analysing). A failure ends it quietly: it
 * was only a warm-up.
 */
export function warmUp(grammar: PromiseLike<void>, idle: () => boolean, done: (runs: number, ms: number) => void): void {
  const text = warmUpText();
  let runs = 0;
  let ms = 0;
  const step = () => {
    if (runs >= WARM_UP_RUNS || !idle()) return done(runs, ms);
    const t0 = Date.now();
    try {
      analyzeText(text);
    } catch {
      return done(runs, ms);
    }
    ms += Date.now() - t0;
    runs++;
    setImmediate(step);
  };
  grammar.then(step, () => done(0, 0));
}

/** WARM_UP_COPIES copies of WARM_UP_DOCKERFILE, each with its own stage names. */
export function warmUpText(): string {
  const copies = [WARM_UP_DOCKERFILE];
  const body = WARM_UP_DOCKERFILE.replace(/^# syntax=.*\n/, '');
  for (let k = 1; k < WARM_UP_COPIES; k++) copies.push(body.replace(/ AS (\w+)/g, ` AS $1${k}`).replace(/--from=(\w+)/g, `--from=$1${k}`));
  return copies.join('\n');
}
