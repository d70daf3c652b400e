/**
 * Images whose main program is not Go: a Go controller or manager that runs a server program of
 * its own (HAProxy, NGINX, Envoy, FFmpeg) which the project's image is built on. The generated
 * image holds only the Go binary, so the program it starts is missing; the generator cannot write
 * that image (the program's build, modules and configuration are the project's), and says so.
 *
 * Both must hold: the program's sources name that program's binary as a string (a name, or an
 * absolute path ending in it: haproxytech/kubernetes-ingress's `Binary: "/usr/local/sbin/haproxy"`,
 * nginx's `nginxBinaryPath = "/usr/sbin/nginx"`, datarhei/core's `value.NewExec(…, "ffmpeg", …)`),
 * and a Dockerfile of the repository makes an image rooted in that program's image
 * (`FROM haproxytech/haproxy-alpine:3.2`, `FROM nginx:1.27.4`, `datarhei/base:alpine-ffmpeg-…`).
 */
import * as nodePath from 'node:path';
import { rootImage, targetImages } from '../dockerfile/facts';
import { parseDockerfile } from '../dockerfile/parse';
import { stripGoComments } from './goSource';
import { DOCKERFILE_NAME } from './ownBuild';
import type { PackageSources } from './ports';

const PROGRAMS: readonly { name: string; what: string }[] = [
  { name: 'haproxy', what: 'HAProxy' },
  { name: 'nginx', what: 'NGINX' },
  { name: 'envoy', what: 'Envoy' },
  { name: 'ffmpeg', what: 'FFmpeg' },
];

/** Folders whose Dockerfiles make no image of the program (tests, examples, tools). */
const OTHER_IMAGES = /(^|\/)(tests?|e2e|examples?|hack|tools|testdata|fixtures|docs?)\//;

export interface NonGoMainProgram {
  program: string;
  what: string;
  /** Where the sources name it (`"/usr/local/sbin/haproxy" in pkg/controller/builder.go`). */
  named: string;
  /** The project's image built on it: `build/Dockerfile:53 FROM haproxytech/haproxy-alpine:3.2`. */
  image: string;
}

export function nonGoMainProgram(closure: readonly PackageSources[], io: { readFile(rel: string): string | null; listFiles(under?: string): readonly { path: string }[] }): NonGoMainProgram | null {
  const dockerfiles = io.listFiles('').map((f) => f.path).filter((p) => p.split('/').length <= 3 && DOCKERFILE_NAME.test(nodePath.posix.basename(p)) && !p.endsWith('.dockerignore') && !OTHER_IMAGES.test(p)).sort();
  for (const prog of PROGRAMS) {
    // An absolute path first (nginx's "/usr/sbin/nginx"; a bare "nginx" may be an ingress class).
    let named: string | null = null;
    for (const literal of [new RegExp(`"/(?:[A-Za-z0-9._-]+/)*s?bin/${prog.name}"`), new RegExp(`"${prog.name}"`)]) {
      for (const p of closure) {
        for (const f of p.files) {
          if (f.file.endsWith('_test.go')) continue;
          const m = literal.exec(stripGoComments(f.text));
          if (m) { named = `${m[0]} in ${p.dir === '' ? f.file : `${p.dir}/${f.file}`}`; break; }
        }
        if (named) break;
      }
      if (named) break;
    }
    if (!named) continue;
    const image = new RegExp(`(^|/)[^/:@]*${prog.name}[^/:@]*(:|@|$)|:[^/]*${prog.name}`, 'i');
    for (const file of dockerfiles) {
      const text = io.readFile(file);
      if (text === null) continue;
      const df = parseDockerfile(text);
      if (df.stages.length === 0) continue;
      for (const t of targetImages(df, df.stages.length - 1)) {
        const root = rootImage(df, df.stages[t]);
        if (root === null || !image.test(root)) continue;
        let from = df.stages[t];
        while (from.baseStage !== null && from.baseStage < from.index) from = df.stages[from.baseStage];
        return { program: prog.name, what: prog.what, named, image: `${file}:${from.from.line + 1} FROM ${root}` };
      }
    }
  }
  return null;
}
