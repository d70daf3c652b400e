import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, lint, ready } from '../helpers';

/** GD126 package-repositories-archived: its own cases. */
before(() => ready);

const find = (text: string) => lint(text).filter((f) => f.code === 'GD126');
const spans = (text: string) => find(text).map((f) => text.slice(f.span.start, f.span.end));

describe('GD126 package-repositories-archived', () => {
  // codeskyblue/gohttpserver 823981d (MIT), docker/Dockerfile.armhf: the runtime stage runs
  // `apt-get update` on multiarch's Debian stretch image (judge 31 Y, M8).
  it('reports gohttpserver\'s apt-get update on Debian stretch, as an error on the command', () => {
    const text = df(['FROM golang:1.16', 'WORKDIR /appsrc/gohttpserver', 'ADD . /appsrc/gohttpserver', "RUN GOOS=linux GOARCH=arm go build -ldflags '-X main.VERSION=docker' -o gohttpserver .",
      'FROM multiarch/debian-debootstrap:armhf-stretch', 'WORKDIR /app', 'RUN mkdir -p /app/public', 'RUN apt-get update && apt-get install -y ca-certificates',
      'COPY --from=0 /appsrc/gohttpserver/gohttpserver .', 'ENTRYPOINT [ "/app/gohttpserver" ]']);
    const [f, ...rest] = find(text);
    assert.equal(rest.length, 0, 'one finding per stage: the build stops at the first');
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'apt-get update');
    assert.match(f.message, /Debian 9 \(stretch\).*archive\.debian\.org in April 2023/);
  });

  // flipped-aurora/gin-vue-admin 02f3783 (Apache-2.0 server), deploy/docker/Dockerfile and
  // cubefs/cubefs 80a062b (Apache-2.0): `yum install` on centos:7 (judge 31 Y M5, X M4).
  it('reports yum on CentOS Linux, apt on buster through an official image\'s variant tag, in builder stages too', () => {
    assert.deepEqual(spans(df(['FROM centos:7', 'WORKDIR /opt', 'RUN yum -y install nginx && yum clean all', 'CMD ["/opt/entrypoint.sh"]'])), ['yum -y install nginx']);
    assert.match(find(df(['FROM centos:7', 'RUN yum -y install ca-certificates', 'CMD ["/app"]']))[0].message, /^`yum install` fails.*mirrorlist\.centos\.org/);
    assert.deepEqual(spans(df(['FROM golang:1.15-buster AS build', 'RUN apt-get update && apt-get install -y libpcap-dev', 'RUN go build -o /app .', 'FROM gcr.io/distroless/base-debian12', 'COPY --from=build /app /app', 'ENTRYPOINT ["/app"]'])), ['apt-get update']);
    // The per-architecture namespace of the official images is the same image; an install without update fails too.
    assert.deepEqual(spans(df(['FROM arm32v7/debian:buster-slim', 'RUN apt-get install -y curl', 'CMD ["/app"]'])), ['apt-get install -y curl']);
    assert.equal(find(df(['FROM ubuntu:23.10', 'RUN apt-get update', 'CMD ["/app"]'])).length, 1);
  });

  it('is silent when the sources are pointed elsewhere first, on releases still served, and for commands without the repositories', () => {
    assert.equal(find(df(['FROM debian:buster-slim', 'RUN sed -i s/deb.debian.org/archive.debian.org/g /etc/apt/sources.list && apt-get update && apt-get install -y ca-certificates', 'CMD ["/app"]'])).length, 0);
    assert.equal(find(df(['FROM centos:7', "RUN sed -i -e 's/mirrorlist/#mirrorlist/g' -e 's|#baseurl=http://mirror.centos.org|baseurl=http://vault.centos.org|g' /etc/yum.repos.d/CentOS-*", 'RUN yum install -y ca-certificates', 'CMD ["/app"]'])).length, 0);
    assert.equal(find(df(['FROM debian:stretch', 'COPY sources.list /etc/apt/sources.list', 'RUN apt-get update', 'CMD ["/app"]'])).length, 0);
    assert.equal(find(df(['FROM debian:bullseye-slim', 'RUN apt-get update && apt-get install -y ca-certificates', 'CMD ["/app"]'])).length, 0);
    assert.equal(find(df(['FROM ubuntu:20.04', 'RUN apt-get update', 'CMD ["/app"]'])).length, 0, 'an LTS release stays on the archive');
    assert.equal(find(df(['FROM alpine:3.12', 'RUN apk add --no-cache ca-certificates', 'CMD ["/app"]'])).length, 0, 'Alpine keeps old branches on its mirrors');
    assert.equal(find(df(['FROM centos:7', 'RUN yum clean all && rm -rf /var/cache/yum', 'CMD ["/app"]'])).length, 0);
    // golang:1.15 names no release in its tag: nothing certain.
    assert.equal(find(df(['FROM golang:1.15', 'RUN apt-get update', 'CMD ["/app"]'])).length, 0);
  });

  it('reports the first failing command of a chain once, on the stage that runs it', () => {
    // The build stops at base's RUN: the install of `one` never runs, and base's finding covers both.
    const text = df(['FROM debian:stretch AS base', 'RUN apt-get update', 'FROM base AS one', 'RUN apt-get install -y curl', 'FROM base', 'CMD ["/app"]']);
    assert.deepEqual(find(text).map((f) => text.slice(0, f.span.start).split('\n').length), [2]);
    const later = df(['FROM debian:stretch AS base', 'RUN mkdir /app', 'FROM base AS one', 'RUN apt-get install -y curl', 'FROM base', 'CMD ["/app"]']);
    assert.deepEqual(find(later).map((f) => later.slice(0, f.span.start).split('\n').length), [4]);
  });
});
