import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { dockerignoreFileFor, resolveBuildContext, resolveBuildContextDetailed } from '../../server/src/workspace/context';

const FIX = path.join(__dirname, '../fixtures/workspaces');

describe('resolveBuildContext', () => {
  it('a Dockerfile in build/package/ builds the module root', () => {
    const df = path.join(FIX, 'subfolder/build/package/Dockerfile');
    assert.equal(resolveBuildContext(df), path.join(FIX, 'subfolder'));
    assert.deepEqual(resolveBuildContextDetailed(df), { root: path.join(FIX, 'subfolder'), reason: 'go.mod' });
  });

  it('finds a go.work root', () => {
    const df = path.join(FIX, 'gowork/build/Dockerfile');
    assert.deepEqual(resolveBuildContextDetailed(df), { root: path.join(FIX, 'gowork'), reason: 'go.work' });
  });

  it('takes the nearest ancestor (a member go.mod before the go.work above it)', () => {
    const df = path.join(FIX, 'gowork/svc/api/Dockerfile'); // need not exist
    assert.deepEqual(resolveBuildContextDetailed(df), { root: path.join(FIX, 'gowork/svc/api'), reason: 'go.mod' });
  });

  it('a Dockerfile next to go.mod builds its own folder', () => {
    assert.equal(resolveBuildContext(path.join(FIX, 'simple/Dockerfile')), path.join(FIX, 'simple'));
  });

  it('falls back to the Dockerfile folder, stopping at the filesystem root', () => {
    const seen: string[] = [];
    const isFile = (p: string) => {
      seen.push(p);
      return false;
    };
    const df = path.resolve('/a/b/c/Dockerfile');
    assert.deepEqual(resolveBuildContextDetailed(df, undefined, { isFile }), { root: path.resolve('/a/b/c'), reason: 'dockerfile-dir' });
    assert.ok(seen.includes(path.join(path.parse(df).root, 'go.mod')), 'searched up to the root');
    assert.ok(seen.length <= 8);
  });

  it('honours stopAt', () => {
    const isFile = (p: string) => p === path.resolve('/ws/go.mod');
    const df = path.resolve('/ws/folder/sub/Dockerfile');
    assert.equal(resolveBuildContext(df, null, { isFile }), path.resolve('/ws'));
    assert.equal(resolveBuildContext(df, null, { isFile, stopAt: path.resolve('/ws/folder') }), path.resolve('/ws/folder/sub'));
  });

  it('an override (setting or --context) wins, relative to the given base', () => {
    const df = path.join(FIX, 'subfolder/build/package/Dockerfile');
    assert.deepEqual(resolveBuildContextDetailed(df, '/elsewhere'), { root: path.resolve('/elsewhere'), reason: 'override' });
    assert.equal(resolveBuildContext(df, '..', { overrideBase: path.join(FIX, 'subfolder') }), FIX);
    assert.equal(resolveBuildContext(df, '  '), path.join(FIX, 'subfolder')); // blank = no override
  });

  it('real temp tree without go.mod: the Dockerfile folder', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-ctx-'));
    try {
      fs.mkdirSync(path.join(tmp, 'x/y'), { recursive: true });
      const df = path.join(tmp, 'x/y/Dockerfile');
      fs.writeFileSync(df, 'FROM scratch\n');
      const r = resolveBuildContextDetailed(df, undefined, { stopAt: tmp });
      assert.deepEqual(r, { root: path.join(tmp, 'x/y'), reason: 'dockerfile-dir' });
      fs.writeFileSync(path.join(tmp, 'x/go.work'), 'go 1.22\n');
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: path.join(tmp, 'x'), reason: 'go.work' });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('resolveBuildContext: a Dockerfile whose COPY sources are in its own folder', () => {
  /** A temp tree of `files` (path -> text); returns its root. */
  function tree(files: Record<string, string>): string {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-ctx-own-'));
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.writeFileSync(path.join(tmp, rel), text);
    }
    return tmp;
  }

  // kserve/kserve aaac4e2 (Apache-2.0) python/sklearn.Dockerfile: built with python/ as the
  // context (.github/workflows), beside the Go module at the root, whose .dockerignore (`*` and
  // `!` lines for the Go builds) excluded every path the nearest-go.mod guess read it through.
  it('kserve python/sklearn.Dockerfile: python/storage exists, the root has none: its own folder', () => {
    const tmp = tree({
      'go.mod': 'module github.com/kserve/kserve\n\ngo 1.24\n',
      '.dockerignore': '*\n!go.mod\n!go.sum\n!cmd/\n!pkg/\n',
      'cmd/manager/main.go': 'package main\n',
      'python/sklearn.Dockerfile': 'ARG BASE_IMAGE=python:3.11-slim-bookworm\nFROM ${BASE_IMAGE} AS builder\nCOPY storage/pyproject.toml storage/uv.lock storage/\nCOPY kserve/pyproject.toml kserve/uv.lock kserve/\nCOPY kserve kserve\nCOPY sklearnserver sklearnserver\n',
      'python/storage/pyproject.toml': '',
      'python/storage/uv.lock': '',
      'python/kserve/pyproject.toml': '',
      'python/kserve/uv.lock': '',
      'python/sklearnserver/pyproject.toml': '',
    });
    try {
      const df = path.join(tmp, 'python/sklearn.Dockerfile');
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: path.join(tmp, 'python'), reason: 'copy-sources' });
      // A source found in both folders tells nothing; one found only at the root keeps the go.mod guess.
      fs.mkdirSync(path.join(tmp, 'sklearnserver'));
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: path.join(tmp, 'python'), reason: 'copy-sources' });
      fs.appendFileSync(df, 'COPY cmd/manager /src/cmd/manager\n');
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: tmp, reason: 'go.mod' });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  // chaos-mesh/chaos-mesh 608b61e (Apache-2.0) images/chaos-daemon/Dockerfile:58-60 copies
  // binaries the Makefile builds into images/chaos-daemon/bin/ (kept by a .gitkeep); the images
  // are built with their folder as the context (build/build_image.py).
  it('chaos-mesh images/chaos-daemon: a build output not there yet counts by its folder (bin/)', () => {
    const tmp = tree({
      'go.mod': 'module github.com/chaos-mesh/chaos-mesh\n\ngo 1.19\n',
      '.dockerignore': '**\n!api\n!cmd\n',
      'images/chaos-daemon/bin/.gitkeep': '',
      'images/chaos-daemon/Dockerfile': 'FROM debian:bookworm-slim\nCOPY bin/chaos-daemon /usr/local/bin/chaos-daemon\nCOPY bin/pause /usr/local/bin/pause\nCOPY --from=binaryimage /tmp/byteman /usr/local/byteman\n',
    });
    try {
      const df = path.join(tmp, 'images/chaos-daemon/Dockerfile');
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: path.join(tmp, 'images/chaos-daemon'), reason: 'copy-sources' });
      // An override still wins.
      assert.deepEqual(resolveBuildContextDetailed(df, tmp), { root: tmp, reason: 'override' });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  // aws/aws-node-termination-handler 62a8761c (Apache-2.0) test/webhook-test-proxy/Dockerfile:15-16,26:
  // `COPY . .`, `go build … cmd/webhook-test-proxy.go`, `COPY THIRD_PARTY_LICENSES.md .`; the
  // repository root has go.mod and a THIRD_PARTY_LICENSES.md too, so the COPY lines told nothing
  // and GD119 said the Go file was not in the context (judge 40 Y). run-test:214 builds it with
  // its own folder as the context.
  it('after `COPY . .`, a Go file a go build names only in its own folder makes it the context', () => {
    const tmp = tree({
      'go.mod': 'module github.com/aws/aws-node-termination-handler\n\ngo 1.25\n',
      'THIRD_PARTY_LICENSES.md': '',
      'cmd/node-termination-handler.go': 'package main\n',
      'test/webhook-test-proxy/THIRD_PARTY_LICENSES.md': '',
      'test/webhook-test-proxy/cmd/webhook-test-proxy.go': 'package main\n',
      'test/webhook-test-proxy/Dockerfile': 'FROM golang:1.25-alpine as builder\nWORKDIR /webhook-test-proxy\nCOPY . .\nRUN go build -ldflags="-s -w" -a -o webhook-test-proxy cmd/webhook-test-proxy.go\nFROM scratch\nCOPY --from=builder /webhook-test-proxy .\nCOPY THIRD_PARTY_LICENSES.md .\nENTRYPOINT ["/webhook-test-proxy"]\n',
    });
    try {
      const df = path.join(tmp, 'test/webhook-test-proxy/Dockerfile');
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: path.join(tmp, 'test/webhook-test-proxy'), reason: 'copy-sources' });
      // A package found in both folders, a pattern, a variable, a flag's value tell nothing.
      const only = (run: string) => fs.writeFileSync(df, `FROM golang:1.25-alpine\nWORKDIR /src\nCOPY . .\nRUN ${run}\n`);
      for (const run of ['go build ./cmd', 'go build ./...', 'go build $PKG', 'go build -o cmd/webhook-test-proxy.go .']) {
        only(run);
        assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: tmp, reason: 'go.mod' }, run);
      }
      // A file named only at the root keeps the root.
      only('go run cmd/node-termination-handler.go');
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: tmp, reason: 'go.mod' });
      // Without a whole-context copy the go command's paths are not the context's.
      fs.writeFileSync(df, 'FROM golang:1.25-alpine\nRUN go build -o /app cmd/webhook-test-proxy.go\n');
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: tmp, reason: 'go.mod' });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('a Dockerfile in build/ that copies the module (go.mod, `.`) keeps the go.mod guess, even with a file of its own folder', () => {
    const tmp = tree({
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'build/entrypoint.sh': '#!/bin/sh\n',
      'build/Dockerfile': 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod ./\nCOPY . .\nRUN go build -o /app .\nFROM alpine\nCOPY build/entrypoint.sh /\nCOPY ["build/entrypoint.sh", "/e.sh"]\n',
    });
    try {
      const df = path.join(tmp, 'build/Dockerfile');
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: tmp, reason: 'go.mod' });
      // `COPY . .` and a variable alone say nothing: still the go.mod folder.
      fs.writeFileSync(df, 'FROM golang:1.22\nCOPY . .\nCOPY ${SRC} /src\nCOPY ../x /x\n');
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: tmp, reason: 'go.mod' });
      // JSON form read too: a source only in build/ makes it build/.
      fs.writeFileSync(df, 'FROM alpine\nCOPY ["entrypoint.sh", "/e.sh"]\n');
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: path.join(tmp, 'build'), reason: 'copy-sources' });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('dockerignoreFileFor', () => {
  it('prefers <Dockerfile>.dockerignore, then <context>/.dockerignore', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-di-'));
    try {
      fs.mkdirSync(path.join(tmp, 'build'));
      const df = path.join(tmp, 'build/Dockerfile');
      fs.writeFileSync(df, 'FROM scratch\n');
      assert.equal(dockerignoreFileFor(df, tmp), null);
      fs.writeFileSync(path.join(tmp, '.dockerignore'), '.git\n');
      assert.equal(dockerignoreFileFor(df, tmp), path.join(tmp, '.dockerignore'));
      fs.writeFileSync(df + '.dockerignore', '*\n');
      assert.equal(dockerignoreFileFor(df, tmp), df + '.dockerignore');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
