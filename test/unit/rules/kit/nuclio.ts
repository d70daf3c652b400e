/**
 * nuclio/nuclio 9e837f6a07fc7d1cbe770020a8a85f2ee5ab69a9 (Apache-2.0)
 * hack/docker/build/builder/Dockerfile, the nuclio-builder image the Makefile's build-builder
 * (Makefile:597-612) builds and the processor, controller… stages are built FROM: its `ENV
 * CGO_ENABLED=0` (line 23, GD103) and `COPY go.* ./` + `RUN go mod download` (line 27: every module
 * in its layers, GD104 and GD107). Shared by those rules' tests.
 */
export const NUCLIO_BUILDER = [
  'ARG NUCLIO_BASE_IMAGE_NAME',
  'ARG NUCLIO_BASE_IMAGE_TAG',
  'FROM --platform=${BUILDPLATFORM} ${NUCLIO_BASE_IMAGE_NAME}:${NUCLIO_BASE_IMAGE_TAG}',
  'WORKDIR /nuclio',
  'ENV CGO_ENABLED=0',
  'COPY go.* ./',
  'RUN go mod download',
  'COPY . .',
  '',
].join('\n');

/**
 * The nuclio Makefile's lines that matter (Makefile:597-612 build-builder, and one image goal
 * built FROM the builder): `goal` builds `file` tagged `tag` with the context `.`; build-builder
 * builds NUCLIO_BUILDER's Dockerfile from `builderContext`.
 */
export function nuclioMakefile(goal: string, file: string, tag: string, builderContext = '.'): string {
  return [
    'NUCLIO_DOCKER_REPO ?= quay.io/nuclio',
    'NUCLIO_DOCKER_IMAGE_TAG=$(NUCLIO_LABEL)-$(NUCLIO_ARCH)',
    '',
    `${goal}: build-builder`,
    '\tdocker build \\',
    '\t\t--build-arg NUCLIO_DOCKER_IMAGE_TAG=$(NUCLIO_DOCKER_IMAGE_TAG) \\',
    '\t\t--build-arg NUCLIO_DOCKER_REPO=$(NUCLIO_DOCKER_REPO) \\',
    `\t\t--file ${file} \\`,
    `\t\t--tag ${tag} .`,
    '',
    'NUCLIO_DOCKER_BUILDER_IMAGE_NAME=\\',
    ' $(NUCLIO_DOCKER_REPO)/nuclio-builder:$(NUCLIO_DOCKER_IMAGE_TAG)',
    '',
    'build-builder:',
    '\tdocker build \\',
    '\t\t--build-arg NUCLIO_BASE_IMAGE_NAME=$(NUCLIO_BASE_IMAGE_NAME) \\',
    '\t\t--file hack/docker/build/builder/Dockerfile \\',
    '\t\t--tag $(NUCLIO_DOCKER_BUILDER_IMAGE_NAME) \\',
    `\t\t${builderContext}`,
    '',
  ].join('\n');
}
