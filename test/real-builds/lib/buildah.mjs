// Real builds with buildah (see ../setup.sh and ../../../../shared/REAL-BUILDS.md).
// Shared by the generator's and the layer model's real-build tests.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export const STORE = process.env.GD_BUILDAH_ROOT ?? '/var/tmp/go-dockerfile-buildah';
const BASE = ['--root', `${STORE}/root`, '--runroot', `${STORE}/runroot`, '--storage-driver', 'overlay'];
const ENV = { ...process.env, BUILDAH_ISOLATION: 'chroot' };

/** Local images made by setup.sh, standing in for the public ones (no registry here). */
export const LOCAL_GOLANG = 'localhost/golang:1.19-bookworm';
export const LOCAL_RUNTIME = 'localhost/debian:bookworm-slim';

/** Why real builds cannot run here, or null when they can. */
export function unavailableReason() {
  if (spawnSync('buildah', ['--version']).status !== 0) return 'buildah is not installed (run test/real-builds/setup.sh)';
  for (const image of [LOCAL_GOLANG, LOCAL_RUNTIME]) {
    if (spawnSync('buildah', [...BASE, 'inspect', '--type', 'image', image], { env: ENV }).status !== 0) return `${image} is missing (run test/real-builds/setup.sh)`;
  }
  return null;
}

/**
 * buildah's chroot isolation runs a copy of itself from a sealed memfd; now and then sealing that
 * copy fails with EBUSY ("sealing memfd copy: Device or resource busy") before anything of the
 * image runs: a race in the runtime, not a result of the build. That one message gets one retry.
 */
const RUNTIME_RACE = /sealing memfd copy: Device or resource busy/;

export function buildah(args, opts = {}) {
  const run = () => spawnSync('buildah', [...BASE, ...args], { env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  let r = run();
  if (r.status !== 0 && RUNTIME_RACE.test(`${r.stdout}\n${r.stderr}`)) r = run();
  if (r.status !== 0) throw new Error(`buildah ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * `buildah bud --layers`; returns the output and, per step, whether it came from the cache.
 * steps: [{ stage, index, of, instruction, cached }] in build order, from the "[s/S] STEP n/m: ..." lines.
 */
export function build({ context, dockerfile, tag, buildArgs = {}, target }) {
  const args = ['bud', '--layers', '--isolation', 'chroot', '-t', tag, '-f', dockerfile];
  for (const [k, v] of Object.entries(buildArgs)) args.push('--build-arg', `${k}=${v}`);
  if (target) args.push('--target', target);
  args.push(context);
  const out = buildah(args);
  const steps = [];
  for (const line of out.split('\n')) {
    // Multi-stage builds prefix the stage: "[1/2] STEP 3/5: RUN ...".
    const m = /^(?:\[(\d+)\/\d+\] )?STEP (\d+)\/(\d+): (.*)$/.exec(line);
    if (m) steps.push({ stage: m[1] ? Number(m[1]) : 1, index: Number(m[2]), of: Number(m[3]), instruction: m[4], cached: false });
    else if (/^--> Using cache /.test(line) && steps.length) steps[steps.length - 1].cached = true;
  }
  return { output: out, steps };
}

/** The image's history and layer count as buildah reports them. */
export function inspect(tag) {
  const info = JSON.parse(buildah(['inspect', '--type', 'image', tag]));
  const history = info.OCIv1?.history ?? [];
  return {
    layers: info.OCIv1?.rootfs?.diff_ids?.length ?? 0,
    history,
    sizeBytes: (info.Manifest ? JSON.parse(info.Manifest).layers ?? [] : []).reduce((n, l) => n + (l.size ?? 0), 0),
  };
}

/** Runs a command in a container of the image and returns its stdout. */
export function runIn(tag, argv) {
  const c = buildah(['from', tag]).trim();
  try {
    return buildah(['run', '--isolation', 'chroot', c, '--', ...argv]);
  } finally {
    spawnSync('buildah', [...BASE, 'rm', c], { env: ENV });
  }
}

/** Removes an image (and its now-unused layers); ignores a missing one. */
export function removeImage(tag) {
  spawnSync('buildah', [...BASE, 'rmi', '-f', tag], { env: ENV });
}

/**
 * Removes every image of the store but the base images setup.sh made (localhost/golang:*,
 * localhost/debian:*): earlier builds' results and the intermediate images `bud --layers` keeps for
 * its cache. buildah 1.28 takes the first cache candidate the store lists, not the newest (later
 * versions prefer the newest), and a candidate's history must match to the timestamp. After any
 * earlier build of `FROM golang…` + `WORKDIR /src` (an empty layer: every such build's WORKDIR image
 * fits), a rebuild may resume from that build's WORKDIR image, and its own `COPY go.mod` image then
 * no longer matches that history: a cache miss though nothing it copies changed (a fresh-clone CI
 * run failed so on its second fixture; `rmi --prune` is not enough, it keeps images with children).
 * A test that asserts cache hits starts from a store holding only the bases.
 */
export function removeBuildImages() {
  const images = JSON.parse(buildah(['images', '-a', '--json']).trim() || '[]') ?? [];
  const base = (names) => (names ?? []).some((n) => /^localhost\/(golang|debian):/.test(n));
  const ids = images.filter((i) => !base(i.names)).map((i) => i.id);
  if (ids.length) spawnSync('buildah', [...BASE, 'rmi', '-f', ...ids], { env: ENV, encoding: 'utf8' });
}

/** Substitutes the public base images of a Dockerfile by the local stand-ins, and says which. */
export function substituteBases(text, map) {
  const changes = [];
  const out = text.replace(/^(\s*FROM\s+(?:--platform=\S+\s+)?)(\S+)/gim, (m, pre, image) => {
    for (const [from, to] of map) {
      if (from instanceof RegExp ? from.test(image) : image === from) {
        changes.push(`${image} -> ${to}`);
        return pre + to;
      }
    }
    return m;
  });
  return { text: out, changes };
}

export function writeFile(file, text) {
  fs.writeFileSync(file, text);
  return file;
}

