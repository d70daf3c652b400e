/**
 * Whole analysis (parse + every rule) against dockerfile-language-service's own `validate`
 * on the same texts, in the same run: Dockerfiles of about 20, 150, 1,400 and 14,000 lines.
 *
 *   node --import tsx bench/analysis.bench.ts
 */
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { analyzeText, initAnalysis } from '../server/src/analysis';

/** One realistic Go build of ~20 lines; repeated with distinct stage names to grow. */
function block(i: number): string[] {
  return [
    `FROM golang:1.22-alpine AS build${i}`,
    'RUN apk add git ca-certificates',
    'WORKDIR /src',
    'COPY . .',
    'RUN go mod download',
    `RUN CGO_ENABLED=0 GOOS=linux go build -ldflags "-X main.version=${i}" \\`,
    `    -o /out/app${i} ./cmd/app${i}`,
    '# runtime',
    `FROM alpine:3.20 AS run${i}`,
    'RUN apk update && apk add tzdata && \\',
    '    addgroup -S app && adduser -S app -G app',
    `COPY --from=build${i} /out/app${i} /usr/local/bin/app`,
    'ENV TZ=UTC PORT=8080',
    'EXPOSE 8080',
    'USER root',
    'HEALTHCHECK CMD wget -qO- http://127.0.0.1:8080/healthz || exit 1',
    'LABEL org.opencontainers.image.title="app" \\',
    '      org.opencontainers.image.source="example"',
    'ENTRYPOINT app serve --port 8080',
    '',
  ];
}

function dockerfile(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) out.push(...block(i));
  return out.slice(0, lines).join('\n') + '\n';
}

function time(fn: () => unknown, budgetMs: number): { median: number; runs: number } {
  fn(); // warm-up
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (samples.length < 5 || (performance.now() < end && samples.length < 200)) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[samples.length >> 1], runs: samples.length };
}

async function main() {
  await initAnalysis();
  const service = DockerfileLanguageServiceFactory.createLanguageService();
  console.log('lines   ours (ms)  validate (ms)  ratio  findings');
  for (const n of [20, 150, 1400, 14000]) {
    const text = dockerfile(n);
    const ours = time(() => analyzeText(text), 3000);
    const theirs = time(() => service.validate(text), 3000);
    const findings = analyzeText(text).findings.length;
    console.log(`${String(n).padStart(6)} ${ours.median.toFixed(2).padStart(10)} ${theirs.median.toFixed(2).padStart(14)} ${(ours.median / theirs.median).toFixed(2).padStart(6)}  ${findings}`);
  }
}

void main();
