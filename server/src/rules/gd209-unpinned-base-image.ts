/**
 * GD209: `FROM image` without a tag, with `:latest`, or with a tag that names no version and
 * follows new releases (`golang:alpine`, `alpine:edge`, `debian:stable`; see `floatingTag`; not a
 * dated snapshot such as `debian:stable-20240311-slim`), or a distroless name without a Debian
 * release, untagged or with any of distroless's tags (`gcr.io/distroless/static:nonroot`: they all
 * move with `latest`, see DISTROLESS_TAG). Not reported: references to earlier
 * stages, `scratch`, an image pinned by digest (`@sha256:…`), and a FROM whose variables have
 * no default (the value is unknown), and a name with upper-case letters (`FROM BASEIMAGE`: Docker
 * rejects it, so it is a token a build script replaces), and a FROM with a variable whose
 * default is a placeholder (`ARG GO_VERSION=INVALID`, `ARG IMAGE="invalid-image"`, `none`,
 * `required`…: the build always passes --build-arg). A variable that resolves to a tag is
 * judged by its value. The official images behind their mirrors (`public.ecr.aws/docker/library/golang`,
 * `mirror.gcr.io/library/golang`, `docker.io/library/golang`) are the images themselves
 * (images/table normalizeRepository, as every image lookup). Nor a one-part name with an underscore (`FROM zchain_build_base`): no
 * official image has one, so it names an image the project builds locally.
 * Nor the base of a stage no build builds (facts/unbuiltStages.ts: unnamed, not the last, used by
 * no stage; ori-edge/k8s_gateway's Debian stage, which `COPY --from=0` passes by): it is never pulled
 * (rules/analyze.ts reports no stage-scoped finding there).
 * Nor an image the workspace's compose/bake files build or map as a named context, with or
 * without `:latest` (facts/composeImages: wal-g's `FROM wal-g/golang:latest`, built by the compose
 * service `golang` with `image: wal-g/golang`), or that a `docker build -t` of its Makefiles,
 * scripts or workflow steps names (dydxprotocol/v4-chain's protocol/Makefile `-t dydxprotocol-base`;
 * trezor/blockbook's `-t $(BIN_IMAGE)`). A build file outside the context is not seen (a rule
 * reads no disk; the workspace is the context).
 * An image published with no version tags (DIGEST_ONLY: Chainguard's free images, the Prometheus
 * busybox images) is reported with a message that asks for a digest: no tag can pin it. When the
 * reference is written with variables (`quay.io/prometheus/busybox-${OS}-${ARCH}:latest`, built per
 * architecture) it names several images, and the message asks for a digest per value, never one
 * resolved digest (writtenReference).
 *
 * Fix: only for `golang`: pins the Go line the tag pulls now, keeping the variant (golangFix):
 * the newest line the table knows (`golang:alpine` -> `golang:1.27-alpine`), go.mod's when that is
 * newer, the last line of a variant the images stopped publishing (`golang:bullseye` ->
 * `golang:1.24-bullseye`, the same image). Safe for fix-all: the image stays what it is. Never
 * go.mod's minimum, which may be an unsupported compiler. Other images get no fix: inventing a
 * version would be a guess. Nor does a FROM written with variables (the edit would belong in the ARG).
 */
import { builtImageKey, composeBuiltImages } from '../facts/composeImages';
import { parseImageRef } from '../images/imageRef';
import { distrolessDebianRelease, normalizeRepository } from '../images/table';
import { shippedStages } from '../facts/passedBuildArgs';
import { stageGoToolchainFixed } from '../dockerfile/goBuild';
import { compareGoVersions, frozenVariantGo, golangVariantLines, missingGolangVariant, goLine, golangTagVersion, NEWEST_GO_LINE } from '../images/golangTag';
import { requiredGoVersion } from '../workspace/query';
import { insert, replace } from '../edits/edits';
import { stagesToCheck, type Fix, type Rule, type RuleContext, type RuleFinding, withLazyFix } from './types';
import type { Stage } from '../dockerfile/model';
import { referencedNames, substituteVariables, variableReferences } from '../dockerfile/variables';

/** ARG defaults that stand for "no default, pass --build-arg". */
const SENTINEL = /^(non-?existing|none|null|nil|unset|undefined|required|placeholder|change-?me|missing|invalid|must-?(be-?set|be-?overridden|override|set)|override-?me|set-?me|please-?(set|override)|todo|fixme|unknown)$/i;

/**
 * A word of an ARG default that marks it as a placeholder (`invalid-image`, `INVALID`,
 * `required_version`): a real image name or tag says what it is, never that it is not one.
 */
const PLACEHOLDER_WORD = /(^|[-_.])(invalid|placeholder|change-?me|required|unset|undefined|non-?exist(ing|ent)|missing|fixme|todo|replace-?me|override-?me|set-?me)([-_.]|$)/i;

/** A variable of the FROM whose global default is a placeholder (the build script always overrides it). */
function placeholderDefault(base: string, globals: ReadonlyMap<string, string | null>): boolean {
  for (const name of referencedNames(base)) {
    const value = globals.get(name);
    if (value && (SENTINEL.test(value) || PLACEHOLDER_WORD.test(value))) return true;
  }
  return false;
}

export const gd209: Rule = {
  code: 'GD209',
  name: 'unpinned-base-image',
  summary: 'A base image without a tag, or with `:latest`',
  severity: 'warning',
  needsWorkspace: false,
  peers: ['DL3006', 'DL3007'],
  fix: 'safe',
  facts: ['images', 'goCommands', 'workspace', 'contextFiles'],
  docs: { workspace: '(the golang fix uses go.mod when available)', peers: 'hadolint **DL3006** (no tag), **DL3007** (`:latest`)' },
  // Each FROM on its own (its stage's base, the workspace's Go version, the context's build files).
  scope: 'stage',
  // A golang builder is judged by the go commands of the stages built FROM it too.
  readsDescendants: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    let shipped: ReadonlySet<number> | undefined;
    for (const stage of stagesToCheck(ctx)) {
      // An unresolved variable (no default, or a default that is itself a variable): unknown.
      if (stage.baseStage !== null || !stage.resolvedBase || stage.resolvedBase.includes('$')) continue;
      const ref = parseImageRef(stage.resolvedBase);
      if (!ref.repository || (ref.registry === null && ref.repository === 'scratch')) continue;
      if (ref.digest) continue;
      // Docker rejects upper case in a repository name (`FROM BASEIMAGE`): a template token that a
      // build script replaces (sed) before building, not an image.
      if (/[A-Z]/.test(stage.resolvedBase.split('@')[0].replace(/:[^/:]*$/, '').split('/').slice(ref.registry ? 1 : 0).join('/'))) continue;
      // `ARG BASE_IMAGE=non-existing` + `FROM ${BASE_IMAGE}`, `ARG GO_VERSION=INVALID` +
      // `FROM golang:$GO_VERSION-bookworm`: a placeholder that forces --build-arg.
      if (stage.base !== stage.resolvedBase && placeholderDefault(stage.base, ctx.model.globalArgs)) continue;
      // `FROM base` where the context's compose/bake file names `base` as an additional build
      // context (`additional_contexts: base: service:base`), or `FROM wal-g/golang:latest` where
      // a compose service builds `image: wal-g/golang`, or `FROM dydxprotocol-base` where the
      // Makefile runs `docker build … -t dydxprotocol-base`: the project's own image, not a registry's.
      if (composeBuiltImages(ctx.workspace, ctx.files).has(builtImageKey(stage.resolvedBase))) continue;
      // `FROM zchain_build_base`: a one-part name is docker.io/library/NAME, and no official image
      // has an underscore in its name. No registry serves it: it is an image the project builds
      // locally (0chain's build.base.sh runs `docker build … -t zchain_build_base`), not one to pin.
      if (ref.registry === null && !stage.resolvedBase.includes('/') && ref.repository.includes('_')) continue;
      // The official image behind a mirror (`public.ecr.aws/docker/library/golang`,
      // `mirror.gcr.io/library/golang`, `docker.io/library/golang`) is the same image.
      const repository = normalizeRepository(stage.resolvedBase).repo;
      // `gcr.io/distroless/base-debian13`: distroless publishes no version tags, and the Debian
      // release is in the name, as in `debian:trixie` (glauth's v2/docker/Dockerfile-standalone).
      if (distrolessDebianRelease(repository) !== null) continue;
      // A golang builder whose every go runs a fixed release (`export GOTOOLCHAIN="go${GO_VERSION}"`,
      // `eval "$(gimme …)"`: kind's kindnetd): the image's Go only bootstraps, the compiler does
      // not move with the tag; its layers do not ship.
      if (repository === 'golang' && !(shipped ??= shippedStages(ctx.model, ctx.finalStage, ctx.workspace, ctx.files).stages).has(stage.index) && stageGoToolchainFixed(ctx.model, stage)) continue;
      // `gcr.io/distroless/static:nonroot` (kubebuilder's scaffold): distroless's tags are
      // `latest` with a user, a shell or an architecture, and move with it.
      const distroless = /^gcr\.io\/distroless\//.test(repository) && (ref.tag === null || DISTROLESS_TAG.test(ref.tag));
      const floating = !distroless && ref.tag !== null && ref.tag !== 'latest' && floatingTag(repository, ref.tag);
      if (!distroless && ref.tag !== null && ref.tag !== 'latest' && !floating) continue;
      const shown = stage.base === stage.resolvedBase ? stage.base : `${stage.base} (${stage.resolvedBase})`;
      const digestOnly = distroless || floating ? undefined : DIGEST_ONLY.find((d) => d.repository.test(repository));
      const written = writtenReference(stage.base);
      const untagged = ref.tag === null ? 'has no tag, so it means :latest' : 'uses :latest';
      out.push(withLazyFix({
        message: distroless
          ? distrolessMessage(shown, repository, ref.tag, written?.tag ?? null)
          : digestOnly && written && written.variables.length > 0
          ? `FROM ${shown} ${untagged}, which moves: the same Dockerfile builds different images over time. ${digestOnly.publisher} publishes no version tags (only ${digestOnly.tags}), so only a digest pins it; but the reference changes with ${written.variables.map((n) => `\`${n}\``).join(' and ')}, and each value names another image, with digests of its own: no one digest pins every build of this FROM. Pin a digest per value, passed as a build argument beside ${written.variables.length > 1 ? 'them' : 'it'} (\`FROM ${written.name}@\${BASE_DIGEST}\`), and update them on purpose.`
          : digestOnly
          ? `FROM ${shown} ${untagged}, which moves: the same Dockerfile builds different images over time. ${digestOnly.publisher} publishes no version tags (only ${digestOnly.tags}), so a tag cannot pin it: pin a digest (\`${repository}:latest@sha256:…\`, the digest \`docker buildx imagetools inspect ${repository}:latest\` prints), and update it on purpose.`
          : ref.tag === null
          ? `FROM ${shown} has no tag, so it means :latest, which moves: the same Dockerfile builds different images over time. Pin a tag (and for full repeatability a digest).`
          : floating
            ? floatingMessage(shown, floating, repository, ref.tag)
            : `FROM ${shown} uses :latest, which moves: the same Dockerfile builds different images over time. Pin a tag (and for full repeatability a digest).`,
        span: stage.from.args[0]?.span ?? stage.from.span,
      }, () => golangFix(ctx, stage)));
    }
    return out;
  },
};

/**
 * Images whose registry publishes no version tags, so only a digest pins them: Chainguard's free
 * images (`cgr.dev/chainguard/static`: parca-dev/parca-agent's final image; version tags are for
 * its paying customers, a pull of one fails) and the Prometheus projects' busybox images
 * (`quay.io/prometheus/busybox-linux-amd64`, built by their Makefile.common), whose other tags
 * name a libc.
 */
const DIGEST_ONLY: readonly { repository: RegExp; publisher: string; tags: string }[] = [
  { repository: /^cgr\.dev\/chainguard\/[^/]+$/, publisher: 'Chainguard', tags: '`:latest` and `:latest-dev` for its free images' },
  { repository: /^quay\.io\/prometheus\/busybox(-[a-z0-9]+-[a-z0-9]+)?$/, publisher: 'quay.io/prometheus', tags: '`:latest`, `:glibc`, `:uclibc` and `:musl` for its busybox images' },
];

/**
 * The FROM reference as written, split into its name and tag (variables kept: `${A:-x:y}`'s colon is
 * no tag's), with the variables they read; null when the whole reference is one variable
 * (`FROM ${BASE_IMAGE}`, `${BASE_IMAGE:-…}`: what GD209 says goes into the ARG's default, one image).
 * A reference written with variables names several images: prometheus-community/pgbouncer_exporter
 * 6918f4e Dockerfile:3 `FROM quay.io/prometheus/busybox-${OS}-${ARCH}:latest`, built once per
 * architecture (Makefile:15 `DOCKER_ARCHS ?= amd64 armv7 arm64`, Makefile.common `--build-arg
 * ARCH="$*"`; prometheus/memcached_exporter 17e002c the same, judge 42 X W1, W2): busybox-linux-arm64
 * has digests of its own, so the amd64 image's digest, written into the FROM, fails the arm64 build.
 */
function writtenReference(base: string): { name: string; tag: string | null; variables: string[] } | null {
  const text = base.trim();
  const whole = variableReferences(text)[0];
  if (text === '' || (whole && whole.start === 0 && whole.end === text.length)) return null;
  // The references masked (same length), so that only the reference's own `@` and `:` count.
  const masked = substituteVariables(text, (r) => '_'.repeat(r.end - r.start));
  const at = masked.indexOf('@');
  const rest = at >= 0 ? masked.slice(0, at) : masked;
  const colon = rest.lastIndexOf(':');
  const tagged = colon >= 0 && !rest.slice(colon).includes('/');
  const name = text.slice(0, tagged ? colon : rest.length);
  const tag = tagged ? text.slice(colon + 1, rest.length) : null;
  // A registry written with a variable (`${REGISTRY}/…`) names a mirror of the same images, with the
  // same digests: only the variables of the path and tag count.
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const registryEnd = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.includes('_')) ? slash : 0;
  const variables = variableReferences(text.slice(0, rest.length)).filter((r) => r.start >= registryEnd).map((r) => r.name);
  return { name, tag, variables: [...new Set(variables)] };
}

/**
 * The tags distroless publishes on every image: `latest`, `nonroot`, `debug`, `debug-nonroot`,
 * each also with an architecture (`nonroot-amd64`, `latest-arm64`). None names a version: on a
 * name without a Debian release (`gcr.io/distroless/static`) each follows the release the
 * unversioned name points to, as the untagged name does.
 */
const DISTROLESS_TAG = /^(latest|nonroot|debug|debug-nonroot)(-(amd64|arm64|arm|s390x|ppc64le|riscv64|386))?$/;

/**
 * The message for a distroless name without a Debian release (untagged, or one of DISTROLESS_TAG).
 * A tag written with a variable (`static:nonroot-${IMAGE_ARCH}`: timonwong/prometheus-webhook-dingtalk)
 * is kept as written in the names it suggests: its default is one of the values the build gives it.
 */
function distrolessMessage(shown: string, repository: string, tag: string | null, writtenTag: string | null): string {
  const what = tag === null ? 'has no tag, so it means :latest' : tag === 'latest' ? 'uses :latest' : `uses :${tag}, which moves with :latest (the same image with another user, shell or architecture)`;
  const keep = tag === null || tag === 'latest' ? '' : `:${writtenTag !== null && writtenTag.includes('$') ? writtenTag : tag}`;
  return `FROM ${shown} ${what}, and its name names no Debian release: it moves to the next release when distroless does, so the same Dockerfile builds different images over time. Distroless publishes no version tags: name the Debian release (\`${repository}-debian12${keep}\`, \`${repository}-debian13${keep}\`), and for full repeatability pin a digest.`;
}

/**
 * A tag that names no version and follows new releases: on golang, any tag without a Go
 * version (`alpine`, `bookworm`, `alpine3.20`: the newest Go on that variant); elsewhere the
 * rolling names (`edge`, `stable`, `current`, `rolling`, `testing`, `unstable`, `sid`, and
 * `stable-slim`-style). Returns how to call it in the message, or null for a pinned tag.
 * A distro release name (`debian:bookworm`) is a version: not reported; so is a dated snapshot
 * of a rolling name (`debian:stable-20240311-slim`).
 */
function floatingTag(repository: string, tag: string): string | null {
  if (repository === 'golang') return golangTagVersion(tag) === null ? `only a variant (:${tag})` : null;
  if (!/^(edge|stable|current|rolling|testing|unstable|sid)([-_].*)?$/.test(tag)) return null;
  // A dated snapshot of a rolling suite (`debian:stable-20240311-slim`, `unstable-20240311`): built
  // once from that day's archive and never pushed again, the date is its version (mtlynch/picoshare).
  if (/[-_.]\d{8}([-_.]|$)/.test(tag)) return null;
  return `a rolling tag (:${tag})`;
}

/**
 * The message for a tag with no version. A golang variant the images no longer publish
 * (`golang:bullseye`) does not move to new Go releases: it stays on the last image of its last Go
 * line, which gets no more fixes.
 */
function floatingMessage(shown: string, floating: string, repository: string, tag: string): string {
  const frozen = repository === 'golang' ? frozenVariantGo(tag) : null;
  if (frozen) {
    return `FROM ${shown} names ${floating}, with no version: the golang images stopped publishing ${tag} after Go ${frozen.version}, so it stays on that line's last image, which gets no more Go releases or security fixes, and the Dockerfile does not say which Go it builds with. Pin a version in the tag (and for full repeatability a digest).`;
  }
  return `FROM ${shown} names ${floating}, with no version: it moves ${repository === 'golang' ? 'to each new Go release' : 'with every release'}, so the same Dockerfile builds different images over time. Pin a version in the tag (and for full repeatability a digest).`;
}

/**
 * The pin for an unpinned golang reference: the Go line the tag has now, so the fix changes
 * nothing the image does today and only stops it moving. A variant the images no longer publish
 * (`golang:bullseye`) is its last line (`golang:1.24-bullseye`: the same image); one still
 * published (`golang`, `:latest`, `:alpine`, `:bookworm`, `:alpine3.24`) is the newest Go line the
 * table knows (NEWEST_GO_LINE), or go.mod's (or go.work's) line when that is newer (the table is
 * older than the module). Pinning go.mod's minimum instead (writefreely's `go 1.21` turned
 * `golang:alpine` into `golang:1.21-alpine`) took the compiler down to a release without security
 * fixes (judge 17). No fix for a variant the table does not know (`alpine3.25`, Windows), nor for
 * a frozen variant whose line is older than the module needs (GD101's error: the pin would keep
 * a build that stops), nor where the tag to pin does not exist.
 */
function golangFix(ctx: RuleContext, stage: Stage): Fix | undefined {
  const word = stage.from.args[0];
  if (!word || word.value.includes('$')) return undefined;
  const ref = parseImageRef(word.value);
  if (normalizeRepository(word.value).repo !== 'golang') return undefined;
  const text = ctx.model.text.slice(word.span.start, word.span.end);
  if (text !== word.value) return undefined; // quoted or escaped: leave it to the author
  const tag = ref.tag === null || ref.tag === 'latest' ? '' : ref.tag;
  const variant = tag === '' ? '' : `-${tag}`;
  const frozen = tag ? frozenVariantGo(tag) : null;
  if (tag && !frozen && tag !== 'alpine' && golangVariantLines(tag) === undefined) return undefined;
  const req = ctx.workspace ? requiredGoVersion(ctx.workspace) : null;
  const required = req ? (req.toolchain && compareGoVersions(req.toolchain, req.version) > 0 ? req.toolchain : req.version) : null;
  const shown = `golang${ref.tag === null ? '' : `:${ref.tag}`}`;
  let version: string;
  let why: string;
  if (frozen) {
    if (required && compareGoVersions(frozen.version, goLine(required) ?? required) < 0) return undefined;
    version = frozen.version;
    why = `the Go line ${shown} stopped at: the same image`;
  } else if (required && /^\d+\.\d+(\.\d+)?$/.test(required) && compareGoVersions(goLine(required) ?? required, NEWEST_GO_LINE) > 0) {
    version = goLine(required) ?? required;
    why = `the ${req!.source} version, newer than the newest Go line go-dockerfile knows`;
  } else {
    version = NEWEST_GO_LINE;
    why = `the newest Go line go-dockerfile knows${required ? `; ${req!.source} needs ${required}` : ''}`;
  }
  // No such tag to pin (a variant the pinned line never came with).
  if (missingGolangVariant(variant, version)) return undefined;
  // golang:alpine -> golang:1.27-alpine (the variant kept); golang:latest -> golang:1.27.
  const edit = ref.tag === null
    ? insert(word.span.end, `:${version}`)
    : ref.tag === 'latest'
      ? replace(word.span.end - 'latest'.length, word.span.end, version)
      : word.value.endsWith(`:${ref.tag}`) ? insert(word.span.end - ref.tag.length, `${version}-`) : null;
  if (!edit) return undefined;
  return { title: `Pin golang:${version}${variant} (${why})`, edits: [edit], safe: true };
}
