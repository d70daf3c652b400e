/**
 * GD202: the final stage is `scratch` (no CA bundle), the program it runs makes TLS
 * connections (its packages import net/http, crypto/tls, gRPC, a cloud SDK: workspace
 * `buildFacts(...).usesTls`), and nothing brings a CA bundle in. A connection that verifies the
 * server's certificate against the system roots (net/http to an https:// URL, crypto/tls without
 * RootCAs) then fails with "x509: certificate signed by unknown authority"; one with its own CA
 * pool or InsecureSkipVerify does not. The imports cannot tell which kinds the program makes
 * (the same net/http dials both), so the message says which fail rather than "every one".
 *
 * The program: the builds whose output the final stage copies (`COPY --from=<stage>`, see
 * ../facts/builtPackages.ts). Resolved builds report when any of their main packages uses TLS; when
 * the packages cannot be resolved, only when every main package of the context does.
 * With no build followed to the final stage: the main package the started file is named after
 * (prebuiltFinding).
 *
 * Not reported for an artifact-export stage (only COPY, no ENTRYPOINT/CMD: built with
 * `--output`, never run; see facts `isArtifactExport`).
 * A hint, saying "if", for an image that starts nothing of its own: no ENTRYPOINT or CMD on a
 * base whose default command is a shell (busybox, debian, ubuntu): a carrier image that another
 * Dockerfile copies the program out of (mongodb-kubernetes-operator's Dockerfile.builder). A
 * warning again when a Kubernetes manifest of the workspace runs a program the image holds
 * (facts/rootNeeds.ts commandWorkloads: kubeedge's mapper template resource/deployment.yaml runs
 * `/bin/sh -c "/kubeedge/main …"` in the image of Dockerfile_nostream).
 *
 * A CA bundle counts as present when the final stage (chain) COPY/ADDs anything into /etc/ssl
 * or /etc/pki (or copies a `ca-certificates`/`cert.pem` file, or a whole filesystem `/`), copies
 * a staging folder of another stage that holds something at /etc/ssl or /etc/pki once copied
 * (facts/stagedPaths.ts: cayley's builder fills /fs/etc/ssl/certs, the final stage copies /fs
 * onto `/`), sets
 * SSL_CERT_FILE/SSL_CERT_DIR, or the program embeds the roots: it imports
 * golang.org/x/crypto/x509roots/fallback or github.com/breml/rootcerts (both register a bundle
 * with x509.SetFallbackRoots; rootcerts/embedded holds the same PEM for the program to load).
 *
 * Fix: `COPY --from=<builder> /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/` after the
 * final FROM, where the builder is the stage the binary comes from; offered only when that
 * stage's image is known to have the bundle (or installs ca-certificates).
 */
import * as path from 'node:path';
import { copiedPrograms, copiesWholeFileSystem, copyPaths, envBefore, holdsProgram, isArtifactExport, isToolbox, stageChain, stageImage, startedProgram, startInstructions } from '../dockerfile/facts';
import { stageRef } from '../dockerfile/goBuild';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { installsPackage, isInstall, packageCommands } from '../dockerfile/packages';
import { insert, insertLinesAfter } from '../edits/edits';
import { buildFacts, packageByDir } from '../workspace/query';
import { finalCopies, programPackages, startedPrebuiltProgram } from '../facts/builtPackages';
import { programSource } from '../facts/releaseBuilds';
import { commandWorkloads, commandWorkloadsOfImage } from '../facts/rootNeeds';
import { stagedPaths } from '../facts/stagedPaths';
import { withLazyFix, type Fix, type Rule, type RuleContext, type RuleFinding } from './types';
import type { WorkspaceModel } from '../workspace/model';

export const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
/** Packages that compile a root CA bundle into the binary. */
const EMBEDDED_ROOTS = new Set(['golang.org/x/crypto/x509roots/fallback', 'github.com/breml/rootcerts', 'github.com/breml/rootcerts/embedded']);

export const gd202: Rule = {
  code: 'GD202',
  name: 'scratch-without-ca-certificates',
  summary: 'A final image without CA certificates (scratch, debian, ubuntu, busybox) for a program that uses TLS',
  severity: 'warning',
  severities: ['warning', 'hint'],
  needsWorkspace: true,
  fix: 'safe',
  facts: ['copySources', 'goBuilds', 'goCommands', 'images', 'packageInstalls', 'workspace'],
  docs: { workspace: '(reads the program\'s imports)' },
  check(given) {
    // A goreleaser image linted with goreleaser's context (its binaries alone): the programs are the repository's.
    const ctx = programSource(given);
    const { model } = ctx;
    const ws = ctx.workspace!;
    const stage = model.stages[ctx.finalStage];
    if (!stage) return [];
    // Cheap pre-test: an image the table knows to lack the bundle (the others never read on).
    const image = stageImage(model, stage);
    if (!image || image.caCerts || image.os !== 'linux' || !NO_BUNDLE.has(image.family) || isArtifactExport(model, stage)) return [];
    const misplaced = misplacedBundle(model, stage);
    if (hasCaBundle(model, stage, misplaced)) return [];
    if (image.family !== 'scratch' && mayInstallBundle(model, stage)) return [];
    const copies = finalCopies({ ...ctx, workspace: ws }, ctx.finalStage);
    const tlsCopies = copies.filter((c) => {
      const { packages, certain } = programPackages(ws, c.builds);
      if (packages.length === 0) return false;
      const tls = packages.filter((p) => tlsFacts(ws, p.dir) !== null);
      return certain ? tls.length > 0 : tls.length === packages.length;
    });
    const first = tlsCopies[0];
    if (!first) return copies.length === 0 ? prebuiltFinding(ctx, ws, stage, image.family, misplaced) : [];
    const { packages } = programPackages(ws, first.builds);
    const facts = packages.map((p) => buildFacts(ws, p.dir)).find((f) => f.usesTls)!;
    // No ENTRYPOINT or CMD, on a base whose default command is a shell (busybox, debian, ubuntu):
    // the image does not say that it runs the program. mongodb-kubernetes-operator's
    // Dockerfile.builder is such a carrier: another Dockerfile copies /workspace/manager out of it
    // into its UBI image and starts it there. A hint that says so, not a warning.
    // Unless a Kubernetes manifest of the workspace runs the program this image holds (kubeedge's
    // mapper template: resource/deployment.yaml runs `/bin/sh -c "/kubeedge/main …"`): then it is
    // run, and a warning.
    const pod = startsNothing(model, stage) ? (commandWorkloadsOfImage(model, stage, commandWorkloads(ws, ctx.files))[0] ?? null) : undefined;
    const carrier = pod === null;
    return [withLazyFix({
      // (What the imports tell: the program can make TLS connections, not which of them verify
      // against the system roots: nps's tunnel skips verification, node-feature-discovery talks
      // to the API server with the service-account CA.)
      message: `${noBundleMessage(stage, image.family, 'the program', facts, ws)}; connections with their own CA pool (a Kubernetes service-account CA) or that skip verification do not.${misplaced ? misplacedNote(model, misplaced) : carrier ? ' The image has no ENTRYPOINT or CMD and its base starts a shell: if a container of this image runs the program, copy the CA bundle from the builder; if the image only carries the program to another Dockerfile, which copies it out, this does not apply.' : pod ? ` The image has no ENTRYPOINT or CMD, but a container of ${pod.file}:${pod.line} runs ${pod.program}, which this image holds: copy the CA bundle from the builder.` : ' Copy the CA bundle from the builder.'}`,
      span: stage.from.span,
      ...(carrier ? { severity: 'hint' as const } : {}),
    }, () => (misplaced ? misplacedFix(misplaced) : fixFor(ctx, stage, first.builder)))];
  },
};

type PackageFacts = ReturnType<typeof buildFacts>;

/** The package's facts when it makes TLS connections and embeds no CA roots of its own; else null. */
function tlsFacts(ws: WorkspaceModel, dir: string): PackageFacts | null {
  const f = buildFacts(ws, dir);
  return f.usesTls && !f.externalImports.some((i) => EMBEDDED_ROOTS.has(i)) ? f : null;
}

function packageName(facts: PackageFacts): string {
  return facts.dir === '' ? 'the main package' : `./${facts.dir}`;
}

/**
 * Database drivers that dial TLS with the system roots when the connection asks for it (MySQL's
 * `tls=true`, PostgreSQL's `sslmode=verify-full`, MongoDB's `tls=true`, Redis' `rediss://`), in the
 * order the message prefers them: the drivers before the ORM adapters that wrap them.
 */
const TLS_DB_DRIVERS = [
  'github.com/go-sql-driver/mysql', 'github.com/jackc/pgx/v5', 'github.com/jackc/pgx/v4', 'github.com/jackc/pgx', 'github.com/lib/pq',
  'go.mongodb.org/mongo-driver', 'go.mongodb.org/mongo-driver/v2', 'github.com/redis/go-redis/v9', 'github.com/go-redis/redis/v8',
  'github.com/ClickHouse/clickhouse-go/v2', 'github.com/microsoft/go-mssqldb', 'github.com/denisenkom/go-mssqldb',
  'gorm.io/driver/mysql', 'gorm.io/driver/postgres', 'gorm.io/driver/sqlserver',
];

/**
 * Why the program can make TLS connections, for the message: the first TLS import it reaches
 * (`./cmd/nps reaches net/http`). When that is only net/http, imported by packages that only serve
 * with it (no client call: GoPackage httpClient), the connections come from the other modules the
 * program imports (workspace/query.ts keeps net/http then): a database driver among them is named
 * (photoview 91cbeb4 api/: net/http serves, github.com/go-sql-driver/mysql and gorm's postgres
 * driver dial the database with TLS when asked; judge 43 X N2), else they are said to be other modules.
 */
function tlsReason(ws: WorkspaceModel | undefined, facts: PackageFacts): string {
  const pkg = packageName(facts);
  const imp = facts.tls[0];
  if (!imp) return `${pkg} uses TLS`;
  const serving = ws !== undefined && facts.tls.every((t) => t.importPath === 'net/http' && packageByDir(ws, t.pkg)?.httpClient === false);
  if (!serving) return `${pkg} reaches ${imp.importPath}`;
  const driver = TLS_DB_DRIVERS.find((d) => facts.externalImports.some((i) => i === d || i.startsWith(`${d}/`)));
  return driver
    ? `it imports the database driver ${driver}, which dials TLS when the connection asks for it; it sends no request with net/http`
    : `${pkg} sends no request with net/http, but imports other modules that may open connections of their own`;
}

/** What both findings say: the image has no bundle, `program` can dial TLS, and which connections fail. */
function noBundleMessage(stage: Stage, family: string, program: string, facts: PackageFacts, ws?: WorkspaceModel): string {
  return `The final stage is ${family === 'scratch' ? 'scratch, which has' : `${stage.resolvedBase ?? stage.base} (${family}), whose image has`} no CA certificates${family === 'scratch' ? '' : ' and which installs no ca-certificates package'}, and ${program} can make TLS connections (${tlsReason(ws, facts)}): those that verify the server's certificate against the system roots (net/http to an https:// URL, crypto/tls or gRPC without a CA pool of their own) fail with "x509: certificate signed by unknown authority"`;
}

/**
 * No build of this Dockerfile is followed to the final stage, but the file it starts is the
 * program of a main package of the context (facts/builtPackages.ts startedPrebuiltProgram): built
 * before `docker build` (mediamtx's standard.Dockerfile ADDs the release tarballs its Makefile
 * made; its users reported the x509 failures upstream), or by a step we do not follow (raccoon's
 * `RUN make build-cov`). The fix copies the bundle from the stage that file comes from, when that
 * stage has one.
 */
function prebuiltFinding(ctx: RuleContext, ws: WorkspaceModel, stage: Stage, family: string, misplaced: Instruction | null): RuleFinding[] {
  const { model } = ctx;
  const program = startedPrebuiltProgram({ ...ctx, workspace: ws }, ctx.finalStage);
  if (!program || stagedRootMayHoldBundle(model, stage)) return [];
  const facts = tlsFacts(ws, program.dir);
  if (!facts) return [];
  const started = startedProgram(model, stage);
  const copy = started === undefined ? undefined : copiedPrograms(model, stage).find((c) => c.instr.keyword === 'COPY' && holdsProgram([c.path], started));
  const from = copy?.instr.flags.find((f) => f.name === 'from')?.value;
  const index = from ? stageRef(model, from) : null;
  const builder = index !== null && index !== stage.index ? model.stages[index] : undefined;
  return [withLazyFix({
    message: `${noBundleMessage(stage, family, `the program it starts (${started}, the program of ${packageName(facts)})`, facts, ws)}.${misplaced ? misplacedNote(model, misplaced) : ` Copy a CA bundle in${builder ? ' from the stage the program comes from' : ' (`COPY --from=alpine:3 /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/`)'}.`}`,
    span: stage.from.span,
  }, () => (misplaced ? misplacedFix(misplaced) : builder ? fixFor(ctx, stage, builder) : undefined))];
}

/**
 * For a prebuilt program (a less certain finding), wider than hasCaBundle: the stage copies a
 * folder of another stage into `/`, and that stage names a CA bundle anywhere (a RUN's words, a
 * COPY's paths), whether or not it is seen to land in the folder. (hasCaBundle already counts
 * another image's whole file system, mediamtx's rpi.Dockerfile copying `/$TARGETPLATFORM` out of
 * a stage that copied each Debian image's `/` into `/linux/<platform>`, and the staging folders
 * seen filled with one, regclient's release-base.)
 */
function stagedRootMayHoldBundle(model: DockerfileModel, stage: Stage): boolean {
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      const paths = i.keyword === 'COPY' ? copyPaths(i) : null;
      const from = i.flags.find((f) => f.name === 'from')?.value;
      if (!paths || from === undefined || from === null || path.posix.resolve('/', paths.dest) !== '/') continue;
      const index = stageRef(model, from);
      if (index === null) continue;
      for (const x of stageChain(model, model.stages[index])) {
        for (const j of x.instructions) {
          if (j.keyword === 'RUN' && j.script && BUNDLE_WORDS.test(j.script.text)) return true;
          const p = j.keyword === 'COPY' || j.keyword === 'ADD' ? copyPaths(j) : null;
          if (p && (BUNDLE_WORDS.test(p.dest) || p.sources.some((src) => BUNDLE_WORDS.test(src)))) return true;
        }
      }
    }
  }
  return false;
}

/** Words of a script or a path that put a CA bundle somewhere (as mayInstallBundle reads them). */
const BUNDLE_WORDS = /ca-certificates|ca-bundle|cacert|cert\.pem|\/etc\/(ssl|pki)\b|certifi/i;

/**
 * The final image starts nothing of its own: no ENTRYPOINT or CMD along its FROM chain, and its
 * base image's default command is a shell (facts isToolbox).
 */
function startsNothing(model: DockerfileModel, stage: Stage): boolean {
  const { entrypoint, cmd } = startInstructions(model, stage);
  return entrypoint === null && cmd === null && isToolbox(model, stage);
}

/** Image families the table knows to ship no CA bundle (images/table.ts `caCerts: false`). */
const NO_BUNDLE = new Set(['scratch', 'debian', 'ubuntu', 'busybox']);

/**
 * Packages whose install brings ca-certificates even with --no-install-recommends (they depend
 * on it, directly or through ca-certificates-java, python3-certifi).
 */
const BRINGS_BUNDLE = /^(ca-certificates.*|.*-java|openjdk-.*|default-j(re|dk).*|python3-(certifi|requests|pip|httplib2)|python3-pip-whl)$/;

/**
 * A RUN of the stage's chain may put a bundle in: it installs ca-certificates (or a package that
 * depends on it), installs with apt without --no-install-recommends (curl, wget, git, openssl …
 * recommend ca-certificates), or names the bundle, update-ca-certificates or /etc/ssl (a script,
 * a download). Kept wide: the finding is for images where nothing does.
 */
function mayInstallBundle(model: DockerfileModel, stage: Stage): boolean {
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'RUN' || !i.script) continue;
      if (/ca-certificates|ca-bundle|cacert|\/etc\/(ssl|pki)|certifi/i.test(i.script.text)) return true;
      for (const p of packageCommands(i)) {
        if (!isInstall(p)) continue;
        if (p.family === 'apt' && !p.options.some((o) => /^--no-install-recommends$|Install-Recommends=(false|0|no)/i.test(o.value))) return true;
        if (p.family !== 'apt' && p.family !== 'apk') return true;
        if (p.packages.some((x) => BRINGS_BUNDLE.test(x.name))) return true;
      }
    }
  }
  return false;
}

/** The folders Go's crypto/x509 reads every file of (root_linux.go certDirectories). */
const CERT_DIRECTORIES = new Set(['/etc/ssl/certs', '/etc/pki/tls/certs']);

/**
 * A COPY of one bundle file (`….crt`, `….pem`) to one of Go's certificate folders written without
 * the trailing slash, in a scratch image where nothing made that folder before: Docker writes the
 * bundle to a file of that name (ethersphere/bee a404d60 Dockerfile.scratch: `COPY --from=0
 * /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs`). Go reads the files
 * /etc/ssl/certs/ca-certificates.crt & co. and every file in the folders: a file named
 * /etc/ssl/certs is none of them, and it finds no roots.
 */
function misplacedBundle(model: DockerfileModel, stage: Stage): Instruction | null {
  if (stageImage(model, stage)?.family !== 'scratch') return null;
  const made = new Set<string>();
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword === 'RUN') return null; // (scratch runs nothing, unless a shell was copied in: unknown)
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const paths = copyPaths(i);
      if (!paths) continue;
      const dest = path.posix.resolve('/', paths.dest);
      const intoFolder = paths.dest.endsWith('/') || paths.sources.length > 1;
      if (CERT_DIRECTORIES.has(dest) && !intoFolder && !made.has(dest) && i.keyword === 'COPY') {
        const src = paths.sources[0];
        if (src && /\.(crt|pem)$/.test(src) && !/[*?[$]/.test(src)) return i;
      }
      // Folders this copy makes (or may make: a folder source's tree is unknown).
      for (let d = intoFolder ? dest : path.posix.dirname(dest); d !== '/'; d = path.posix.dirname(d)) made.add(d);
      if (!/\.[A-Za-z0-9]+$/.test(paths.sources[0] ?? '')) made.add(dest);
    }
  }
  return null;
}

/** The misplaced bundle's message and fix (misplacedBundle): the copy as written, and the same with the trailing slash. */
function misplacedNote(model: DockerfileModel, copy: Instruction): string {
  const dest = path.posix.resolve('/', copyPaths(copy)!.dest);
  return ` Line ${copy.line + 1} copies a bundle to \`${dest}\` without a trailing slash, and scratch has no such folder: Docker writes the bundle to a file named ${dest}, where Go looks for files inside a folder of that name (${dest}/ca-certificates.crt and the others), so it finds no roots. End the destination with \`/\`.`;
}

function misplacedFix(copy: Instruction): Fix | undefined {
  const paths = copyPaths(copy);
  const word = copy.args[copy.args.length - 1];
  if (!paths || !word || copy.json || word.value !== paths.dest) return undefined;
  return {
    title: `Copy the bundle into the folder ${path.posix.resolve('/', paths.dest)}/ (where Go reads it; changes where the file lands)`,
    edits: [insert(word.span.end, '/')],
    safe: false,
  };
}

/**
 * Does the stage (or a stage it is built FROM) bring a CA bundle in? A COPY/ADD into /etc/ssl or
 * /etc/pki, or of a bundle file or another image's whole file system; or a staging folder of
 * another stage, copied into the image, that holds something at /etc/ssl or /etc/pki
 * (facts/stagedPaths.ts: cayleygraph/cayley 81dcd7d Dockerfile:8-10 and :45).
 */
function hasCaBundle(model: DockerfileModel, stage: Stage, misplaced: Instruction | null): boolean {
  const env = envBefore(model, stage);
  if (env.has('SSL_CERT_FILE') || env.has('SSL_CERT_DIR')) return true;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const paths = copyPaths(i);
      if (!paths || i === misplaced) continue;
      const dest = path.posix.resolve('/', paths.dest);
      if (CERT_PLACE.test(dest)) return true;
      if (paths.sources.some((src) => /ca-certificates|cert\.pem|^\/etc\/(ssl|pki)(\/|$)|^\/?$/.test(src.trim()))) return true;
      if (copiesWholeFileSystem(i, model)) return true;
    }
  }
  return stagedPaths(model, stage).some((p) => CERT_PLACE.test(p));
}

/** Where the CA bundles of Linux distributions live. */
const CERT_PLACE = /^\/etc\/(ssl|pki)(\/|$)/;

/** The builder stage has a CA bundle to copy: its image has one, or it installs ca-certificates. */
export function stageHasCaBundle(model: DockerfileModel, stage: Stage): boolean {
  if (stageImage(model, stage)?.caCerts) return true;
  return installsPackage(model, stage, (name) => name === 'ca-certificates');
}

function fixFor(ctx: RuleContext, stage: Stage, builder: Stage): Fix | undefined {
  if (!stageHasCaBundle(ctx.model, builder)) return undefined;
  const ref = builder.name ?? String(builder.index);
  return {
    title: `Copy the CA certificates from the ${ref} stage`,
    edits: [insertLinesAfter(ctx.model, stage.from.endLine, [`COPY --from=${ref} ${CA_BUNDLE} /etc/ssl/certs/`])],
    safe: true,
  };
}
