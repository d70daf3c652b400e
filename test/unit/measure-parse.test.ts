// Reading a builder's output and image data into per-step measurements. The buildah output and
// the image history below were recorded from `buildah bud --layers` (buildah 1.28.2) building
// test/fixtures/layers/scratch-basic (one cache hit added to step 2, in buildah's own format);
// test/real-builds/measure.real.mjs runs the whole thing live.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCommand } from '../../server/src/measure/run';
import { imageLayersFromBuildahInspect, parseBuildahOutput, stepSizes } from '../../server/src/measure/parse';

const OUTPUT = `[1/2] STEP 1/6: FROM localhost/golang:1.19-bookworm AS build
[1/2] STEP 2/6: WORKDIR /go/src/basic
--> Using cache 82741fa7d8b0dddddddddddddddddddddddddddddddddddddddddddddddddddd
--> 82741fa7d8b
[1/2] STEP 3/6: COPY go.mod ./
--> 23e775c4fb1
[1/2] STEP 4/6: RUN go mod download
go: no module dependencies to download
--> f6aaccdb014
[1/2] STEP 5/6: COPY . .
--> ec5811631a6
[1/2] STEP 6/6: RUN CGO_ENABLED=0 go build -trimpath -o /out/app .
--> 33891d79e98
[2/2] STEP 1/4: FROM scratch
[2/2] STEP 2/4: COPY --from=build /out/app /app
--> b978e01766b
[2/2] STEP 3/4: USER 65532
--> 3022862cb0b
[2/2] STEP 4/4: ENTRYPOINT ["/app"]
[2/2] COMMIT localhost/lx-exp:1
--> 62e35f5db35
Successfully tagged localhost/lx-exp:1
62e35f5db35f3a09fd5edc2efc5d38022e50c608cbae3e38fb2b76cd087475a2
`;

/** \`buildah inspect --type image 33891d79e98\` (the build stage's last image), the parts read. */
const BUILD_STAGE_IMAGE = {
  Manifest: JSON.stringify({ layers: [904349696, 3584, 2560, 6656, 24004608].map((size) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', size })) }),
  OCIv1: {
    history: [
      { created_by: '/bin/sh' },
      { created_by: '/bin/sh -c #(nop) WORKDIR /go/src/basic', empty_layer: true },
      { created_by: '/bin/sh -c #(nop) COPY file:165ecc42e333176e30eae638ce3372f9' },
      { created_by: '/bin/sh -c go mod download' },
      { created_by: '/bin/sh -c #(nop) COPY dir:c4b28e0f22546cf12dc14cba3cd6b09c4' },
      { created_by: '/bin/sh -c CGO_ENABLED=0 go build -trimpath -o /out/app .' },
    ],
  },
};

describe('measure: builder output and image data', () => {
  it('buildah steps: stage (0-based), step, cache hits, the image each step committed', () => {
    const steps = parseBuildahOutput(OUTPUT);
    assert.deepEqual(steps.map((s) => [s.stage, s.step, s.of, s.cached, s.image]), [
      [0, 1, 6, false, null],
      [0, 2, 6, true, '82741fa7d8b'],
      [0, 3, 6, false, '23e775c4fb1'],
      [0, 4, 6, false, 'f6aaccdb014'],
      [0, 5, 6, false, 'ec5811631a6'],
      [0, 6, 6, false, '33891d79e98'],
      [1, 1, 4, false, null],
      [1, 2, 4, false, 'b978e01766b'],
      [1, 3, 4, false, '3022862cb0b'],
      [1, 4, 4, false, '62e35f5db35'],
    ]);
    assert.equal(steps[5].instruction, 'RUN CGO_ENABLED=0 go build -trimpath -o /out/app .');
  });

  it("layer sizes per step from the stage image: history tail = the stage's steps, empty entries = no layer", () => {
    const img = imageLayersFromBuildahInspect(BUILD_STAGE_IMAGE);
    assert.ok(img);
    // Steps 2..6: WORKDIR (no layer), COPY, RUN, COPY, RUN.
    assert.deepEqual(stepSizes(img, 6), [0, 3584, 2560, 6656, 24004608]);
    // A history shorter than the steps: unknown, never misattributed.
    assert.deepEqual(stepSizes(img, 9), [null, null, null, null, null, null, null, null]);
    // History and layers that do not line up are refused.
    assert.equal(imageLayersFromBuildahInspect({ ...BUILD_STAGE_IMAGE, Manifest: JSON.stringify({ layers: [{ size: 1 }] }) }), null);
  });

  it('the command lines: builder options before the subcommand, build options and args after; buildah prints its image ids (no --iidfile)', () => {
    const opts = { dockerfile: '/w/Dockerfile', context: '/w', target: 'runtime', buildArgs: { GO: '1.22' }, globalArgs: ['--root', '/s'], buildOptions: ['--isolation=chroot'] };
    assert.deepEqual(buildCommand('buildah', opts, '/t/iid'), ['buildah', '--root', '/s', 'bud', '--layers', '-f', '/w/Dockerfile', '--target', 'runtime', '--build-arg', 'GO=1.22', '--isolation=chroot', '/w']);
    assert.deepEqual(buildCommand('podman', { ...opts, globalArgs: [] }, '/t/iid').slice(0, 3), ['podman', 'build', '--layers']);
    assert.deepEqual(buildCommand('docker', { ...opts, globalArgs: [], buildOptions: [] }, '/t/iid').slice(0, 9), ['docker', 'buildx', 'build', '--load', '--progress=plain', '-f', '/w/Dockerfile', '--iidfile', '/t/iid']);
  });
});
