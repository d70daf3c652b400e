// The offline package-size table behind package-install estimates, and how a RUN's installs
// (and the package manager's leftovers) become a layer estimate.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { APK_INDEX_BYTES, APT_LISTS_BYTES, UNKNOWN_PACKAGE_BYTES, estimatePackageInstall, packageSize } from '../../server/src/images/packageSizes';
import { buildLayerModel } from '../../server/src/layers';
import { df, ready } from './helpers';

before(async () => {
  await ready;
});

const install = (lines: string[]) => buildLayerModel(parseDockerfile(df(lines))).stages[0].layers[1];

describe('package-size table', () => {
  it('knows the common packages of both families, and says when it does not', () => {
    for (const name of ['ca-certificates', 'tzdata', 'git', 'build-base', 'gcc', 'musl-dev', 'curl', 'upx']) assert.ok((packageSize('apk', name) ?? 0) > 0, `apk ${name}`);
    for (const name of ['ca-certificates', 'tzdata', 'git', 'build-essential', 'gcc', 'libc6-dev', 'curl']) assert.ok((packageSize('apt', name) ?? 0) > 0, `apt ${name}`);
    assert.equal(packageSize('apk', 'no-such-package'), undefined);
    assert.equal(packageSize('apk', 'constructor'), undefined, 'no prototype keys');
    assert.equal(packageSize('rpm', 'git'), undefined, 'rpm is not in the table');
    // Orders of magnitude a user would recognise: a compiler toolchain dwarfs the CA bundle.
    assert.ok(packageSize('apk', 'build-base')! > 50 * packageSize('apk', 'ca-certificates')!);
  });

  it('sums each package once; unknown ones at the stated default', () => {
    const e = estimatePackageInstall([{ family: 'apk', names: ['git', 'ca-certificates', 'git', 'frobnicate'] }], 10);
    assert.deepEqual([e.known, e.unknown], [['git', 'ca-certificates'], ['frobnicate']]);
    assert.equal(e.bytes, packageSize('apk', 'git')! + packageSize('apk', 'ca-certificates')! + UNKNOWN_PACKAGE_BYTES + 10);
  });

  it('a RUN: apk --no-cache installs only the packages; without it the index stays in the layer', () => {
    const clean = install(['FROM alpine:3.20', 'RUN apk add --no-cache ca-certificates tzdata']);
    assert.equal(clean.kind, 'package-install');
    assert.equal(clean.estimatedBytes, packageSize('apk', 'ca-certificates')! + packageSize('apk', 'tzdata')!);
    assert.equal(clean.estimateBasis, 'ca-certificates, tzdata from the package size table');
    const cached = install(['FROM alpine:3.20', 'RUN apk add ca-certificates']);
    assert.equal(cached.estimatedBytes, packageSize('apk', 'ca-certificates')! + APK_INDEX_BYTES);
    assert.match(cached.estimateBasis, /apk index \(no --no-cache\)/);
  });

  it('a RUN: apt lists count unless the same RUN removes them (or they are on a cache mount)', () => {
    const left = install(['FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates git']);
    assert.equal(left.estimatedBytes, packageSize('apt', 'ca-certificates')! + packageSize('apt', 'git')! + APT_LISTS_BYTES);
    const cleaned = install(['FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y ca-certificates && rm -rf /var/lib/apt/lists/*']);
    assert.equal(cleaned.estimatedBytes, packageSize('apt', 'ca-certificates'));
    const mounted = install(['FROM debian:bookworm-slim', 'RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y tzdata']);
    assert.equal(mounted.estimatedBytes, packageSize('apt', 'tzdata'));
    const unknown = install(['FROM debian:bookworm-slim', 'RUN apt-get install -y libfoo-dev']);
    assert.equal(unknown.estimatedBytes, UNKNOWN_PACKAGE_BYTES);
    assert.match(unknown.estimateBasis, /libfoo-dev not in the table \(~5 MB each\)/);
  });
});
