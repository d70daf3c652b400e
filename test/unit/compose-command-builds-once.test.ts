/**
 * The `docker build` lines of the Makefiles and scripts (facts/composeImages.ts fileCommandBuilds)
 * are read once per workspace model and shared by the four facts built on them
 * (composeBuiltImages, repositoryImageBuilds, commandBuildArgs, multiPlatformBuilds). Each fact
 * read every Makefile and script again before. Same answers: with the model (shared) and
 * without it (each reading the files itself, as before), in either order of asking.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { commandBuildArgs, composeBuiltImages, multiPlatformBuilds, repositoryImageBuilds } from '../../server/src/facts/composeImages';
import { loadWorkspace } from '../../server/src/workspace/load';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-command-builds-'));
  const put = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  put('go.mod', 'module example.com/m\n\ngo 1.22\n');
  put('main.go', 'package main\n\nfunc main() {}\n');
  put('Dockerfile', 'FROM golang:1.22 AS build\nFROM scratch\n');
  put('build/Dockerfile.tool', 'FROM alpine\n');
  // A Makefile's variables, a `-f` relative to its folder, platforms and a target.
  put('Makefile', [
    'IMAGE ?= example/app',
    'PLATFORMS = linux/amd64,linux/arm64',
    'LD_FLAGS = -X main.version=$(VERSION)',
    'image:',
    '\tdocker buildx build --platform $(PLATFORMS) --target build -t $(IMAGE):dev --build-arg LD_FLAGS="$(LD_FLAGS)" .',
    '',
  ].join('\n'));
  put('build/Makefile', 'tool:\n\tdocker build -f Dockerfile.tool -t example/tool --build-arg MODE=fast ..\n');
  // A script that changes folder first, and one three folders down (read) and four down (not).
  put('hack/release.sh', '#!/bin/sh\ncd build\ndocker buildx build --platform linux/amd64,linux/arm64 -f Dockerfile.tool -t example/tool:rel ..\n');
  put('a/b/c/deep.sh', 'docker build -t example/deep --build-arg DEEP=1 .\n');
  put('a/b/c/d/deeper.sh', 'docker build -t example/deeper .\n');
  put('vendor/x/v.sh', 'docker build -t example/vendored .\n');
  put('.github/workflows/ci.yml', [
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: docker buildx build --platform linux/amd64,linux/arm64 -t example/ci --build-arg CI=1 .',
    '',
  ].join('\n'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v) => (v instanceof Set ? [...v] : v instanceof Map ? [...v] : v)));

describe('the build lines of Makefiles and scripts, read once per workspace model', () => {
  it('each fact gives the same answer with the shared reading as with its own, whichever fact asks first', () => {
    const ws = loadWorkspace(dir);
    const own = {
      images: plain(composeBuiltImages(undefined, ws)),
      builds: plain(repositoryImageBuilds(undefined, ws)),
      args: plain(commandBuildArgs(undefined, ws)),
      platforms: plain(multiPlatformBuilds(undefined, ws)),
    };
    // What the files say (so that the comparison is not of empty answers).
    assert.ok(own.images.includes('example/app:dev') && own.images.includes('example/tool') && own.images.includes('example/deep'), `images ${JSON.stringify(own.images)}`);
    assert.ok(!own.images.includes('example/deeper') && !own.images.includes('example/vendored'), 'four folders down and vendored: not read');
    assert.deepEqual(own.args.map((a: { name: string }) => a.name).sort(), ['CI', 'DEEP', 'LD_FLAGS', 'MODE'], 'build args');
    assert.equal(own.platforms.length, 3, `platform builds ${JSON.stringify(own.platforms)}`);
    const orders: (keyof typeof own)[][] = [['images', 'builds', 'args', 'platforms'], ['platforms', 'args', 'builds', 'images']];
    for (const order of orders) {
      const model = { ...ws.model }; // a model of its own: no fact computed on it yet
      for (const k of order) {
        const got = k === 'images' ? composeBuiltImages(model, ws) : k === 'builds' ? repositoryImageBuilds(model, ws) : k === 'args' ? commandBuildArgs(model, ws) : multiPlatformBuilds(model, ws);
        assert.deepEqual(plain(got), own[k], `${k} (asked in order ${order.join(', ')})`);
      }
    }
  });
});
