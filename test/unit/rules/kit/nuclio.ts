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
