/**
 * The generator on real repositories of round 33 (judges X and Y, generator sections): each case a
 * small skeleton of a real repository (the files that matter, with their sizes in the repository,
 * go.mod and the few relevant lines), with its repository, commit and licence above it, plus the
 * variants that keep the old behaviour where it is right.
 *
 * 1. buger/goreplay (libpcap through gopacket/pcap) and edgexfoundry/edgex-go's
 *    support-notifications (ZeroMQ through pebbe/zmq4): the build stage installs the development
 *    package, the runtime its shared library (debian-slim), as for libseccomp; goreplay captures
 *    packets (CAP_NET_RAW), so it runs as root.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, genClean, tree } = generatorTrees('judge33-engg50');

const runtimeOf = (dockerfile: string): string => dockerfile.slice(dockerfile.lastIndexOf('\nFROM ') + 1);
const builderOf = (dockerfile: string): string => dockerfile.slice(0, dockerfile.lastIndexOf('\nFROM '));

// buger/goreplay at 251e45a (LGPL-3.0 outside pro.go and *_pro.go): go.mod (3,512 bytes) `module
// github.com/buger/goreplay`, `go 1.21`, requires github.com/google/gopacket; cmd/gor/gor.go
// (3,924 bytes) imports the root package, whose input_raw.go imports internal/capture;
// internal/capture/capture.go (22,338 bytes) and sock_linux.go (7,280 bytes) import
// github.com/google/gopacket/pcap (`#cgo linux LDFLAGS: -lpcap`). The project's image is the
// released binary on scratch, run as root.
const goreplay: Record<string, string | null> = {
  'go.mod': 'module github.com/buger/goreplay\n\ngo 1.21\n\nrequire github.com/google/gopacket v1.1.20-0.20210429153827-3eaba0894325\n',
  'cmd/gor/gor.go': 'package main\n\nimport (\n\t"flag"\n\n\t"github.com/buger/goreplay"\n)\n\nfunc main() {\n\tflag.Parse()\n\tgoreplay.Start()\n}\n',
  'input_raw.go': 'package goreplay\n\nimport (\n\t"github.com/buger/goreplay/internal/capture"\n)\n\nfunc Start() {\n\t_ = capture.NewListener("any")\n}\n',
  'internal/capture/capture.go': 'package capture\n\nimport (\n\t"github.com/google/gopacket"\n\t"github.com/google/gopacket/pcap"\n)\n\ntype Listener struct{ h *pcap.Handle }\n\nvar _ gopacket.PacketDataSource\n\nfunc NewListener(iface string) *Listener {\n\th, _ := pcap.OpenLive(iface, 65536, true, 0)\n\treturn &Listener{h: h}\n}\n',
};

describe('1. goreplay: gopacket/pcap links libpcap, and capturing packets needs root', () => {
  it('libpcap-dev in the build stage, libpcap0.8 in a debian-slim runtime, USER 0:0 with the reason', async () => {
    const r = await genClean(tree(goreplay, {}));
    assert.match(builderOf(r.dockerfile), /apt-get install -y --no-install-recommends libpcap-dev \\\n/, r.dockerfile);
    const runtime = runtimeOf(r.dockerfile);
    assert.match(runtime, /^FROM debian:bookworm-slim\n/, r.dockerfile);
    assert.match(runtime, /apt-get install -y --no-install-recommends libpcap0\.8 \\\n/, r.dockerfile);
    assert.match(runtime, /\nUSER 0:0\n/, r.dockerfile);
    assert.match(r.dockerfile, /# It runs as root: internal\/capture, which cmd\/gor reaches, imports github\.com\/google\/gopacket\/pcap, which opens raw packet sockets[^\n]*CAP_NET_RAW/, r.dockerfile);
    assert.ok(!r.warnings.some((w) => w.includes('does not install')), r.warnings.join('\n'));
  });

  it('a fork\'s pcap (github.com/gopacket/gopacket/pcap) is installed the same way', async () => {
    const r = await gen(tree(goreplay, {
      'go.mod': 'module github.com/buger/goreplay\n\ngo 1.21\n\nrequire github.com/gopacket/gopacket v1.2.0\n',
      'internal/capture/capture.go': 'package capture\n\nimport (\n\t"github.com/gopacket/gopacket/pcap"\n)\n\ntype Listener struct{ h *pcap.Handle }\n\nfunc NewListener(iface string) *Listener {\n\th, _ := pcap.OpenLive(iface, 65536, true, 0)\n\treturn &Listener{h: h}\n}\n',
    }));
    assert.match(r.dockerfile, /CGO_ENABLED=1/, r.dockerfile);
    assert.match(builderOf(r.dockerfile), /libpcap-dev/, r.dockerfile);
    assert.match(runtimeOf(r.dockerfile), /libpcap0\.8/, r.dockerfile);
  });

  it('negative: gopacket\'s layers only (parsing, no capture): static, non-root', async () => {
    const r = await gen(tree(goreplay, {
      'internal/capture/capture.go': 'package capture\n\nimport (\n\t"github.com/google/gopacket"\n\t"github.com/google/gopacket/layers"\n)\n\ntype Listener struct{}\n\nvar _ = layers.LayerTypeTCP\nvar _ gopacket.PacketDataSource\n\nfunc NewListener(iface string) *Listener { return &Listener{} }\n',
    }));
    assert.match(runtimeOf(r.dockerfile), /^FROM gcr\.io\/distroless\/static-debian12:nonroot\n/, r.dockerfile);
    assert.match(runtimeOf(r.dockerfile), /\nUSER 65532:65532\n/, r.dockerfile);
  });
});

// edgexfoundry/edgex-go at 2bee238 (Apache-2.0): go.mod (8,466 bytes) `module
// github.com/edgexfoundry/edgex-go`, `go 1.25.0`, requires github.com/pebbe/zmq4 v1.4.0;
// cmd/support-notifications/main.go reaches internal/support/notifications/application/channel,
// whose zmq.go and sender.go import github.com/pebbe/zmq4 (`#cgo !windows pkg-config: libzmq`).
// Its cmd/support-notifications/Dockerfile installs zeromq-dev to build and zeromq to run.
const notifications: Record<string, string | null> = {
  'go.mod': 'module github.com/edgexfoundry/edgex-go\n\ngo 1.25.0\n\nrequire github.com/pebbe/zmq4 v1.4.0\n',
  'cmd/support-notifications/main.go': 'package main\n\nimport (\n\t"github.com/edgexfoundry/edgex-go/internal/support/notifications/application/channel"\n)\n\nfunc main() {\n\tchannel.Send("tcp://127.0.0.1:5563")\n}\n',
  'internal/support/notifications/application/channel/zmq.go': 'package channel\n\nimport (\n\tzmq "github.com/pebbe/zmq4"\n)\n\nfunc Send(addr string) {\n\ts, _ := zmq.NewSocket(zmq.PUB)\n\t_ = s.Connect(addr)\n}\n',
};

describe('1. edgex support-notifications: pebbe/zmq4 links libzmq', () => {
  it('libzmq3-dev in the build stage, libzmq5 in a debian-slim runtime, no Check about it', async () => {
    const r = await genClean(tree(notifications, {}));
    assert.match(builderOf(r.dockerfile), /apt-get install -y --no-install-recommends libzmq3-dev \\\n/, r.dockerfile);
    assert.match(runtimeOf(r.dockerfile), /^FROM debian:bookworm-slim\n[\s\S]*apt-get install -y --no-install-recommends libzmq5 \\\n/, r.dockerfile);
    assert.match(runtimeOf(r.dockerfile), /\nUSER 65532:65532\n/, r.dockerfile);
    assert.ok(!r.warnings.some((w) => w.includes('zmq4')), r.warnings.join('\n'));
  });

  it('--runtime alpine: zeromq-dev named for the build (the alpine build installs no C libraries)', async () => {
    const r = await gen(tree(notifications, {}), { runtime: 'alpine' });
    assert.ok(r.warnings.some((w) => w.includes('zeromq-dev')), r.warnings.join('\n'));
  });
});
