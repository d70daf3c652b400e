/**
 * nginx/kubernetes-ingress 0eb3072d14f04931824bb74c99a6566d8c108f3c (Apache-2.0): build/Dockerfile
 * has `ARG BUILD_OS=debian` (line 2), a base stage per BUILD_OS value (debian-plus-nap-v5-base at
 * 493, debian-plus-nap-v5 FROM it at 552), `FROM ${BUILD_OS} AS common` and the last stage FROM
 * common; its Makefile (line 63) runs `$(DOCKER_CMD)` (`docker build … -f build/Dockerfile …`) with
 * `--build-arg BUILD_OS=debian-plus-nap-v5` on the recipe line. The Dockerfile's defaults reach only
 * `debian`; that build's image is built from debian-plus-nap-v5-base
 * (facts/passedBuildArgs.ts shippedStages). A skeleton: `stage` holds the base stage's lines
 * (the rule's case, written for the test; the real stage has one RUN).
 */
import { df } from '../../helpers';
import type { AnalyzeOptions } from '../../../../server/src/rules/analyze';
import { tempWorkspace } from './realworld';

export const KIC_DOCKERFILE = 'build/Dockerfile';

export function kicDockerfile(stage: string[]): string {
  return df([
    '# syntax=docker/dockerfile:1.26',
    'ARG BUILD_OS=debian',
    'FROM debian:trixie-slim AS debian',
    'RUN groupadd --system --gid 101 nginx',
    'FROM debian:13-slim AS debian-plus-only',
    'RUN groupadd --system --gid 101 nginx',
    'FROM debian-plus-only AS debian-plus-nap-v5-base',
    ...stage,
    'FROM debian-plus-nap-v5-base AS debian-plus-nap-v5',
    'USER 101',
    'FROM ${BUILD_OS} AS common',
    'USER 101',
    'FROM common AS download',
    'COPY --link --from=nginx/nginx-ingress:edge --chown=101:0 /nginx-ingress /',
  ]);
}

/** The context of `text` with KIC's Makefile passing `buildArg` (`--build-arg BUILD_OS=debian-plus-nap-v5`, or anything else). */
export function kicContext(text: string, buildArg: string): AnalyzeOptions {
  const makefile = `DOCKER_CMD = docker build --target $(strip $(TARGET)) -f build/Dockerfile -t $(BUILD_IMAGE) .\n\ndebian-image-nap-v5-plus: build\n\t$(DOCKER_CMD) $(PLUS_ARGS) ${buildArg} --build-arg NAP_WAF_VERSION=$(NAP_WAF_VERSION)\n`;
  return tempWorkspace({ [KIC_DOCKERFILE]: text, 'go.mod': 'module github.com/nginx/kubernetes-ingress\n\ngo 1.26\n', '.github/workflows/ci.yml': 'on: push\n', Makefile: makefile }, KIC_DOCKERFILE);
}
