/**
 * ARGs that take a new value on every build (a commit, a build date), and the RUNs that read one:
 * a step after such a RUN misses the cache on every build. GD120 reports a per-build ARG declared
 * before the module download; GD104's fix must not add the download after a RUN that reads one
 * (session 53's repro D2: `ARG GIT_COMMIT`, `RUN echo "$GIT_COMMIT" > /version`, then `COPY . .`).
 */
import { argDeclarations, stageChain } from '../dockerfile/facts';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { properties } from '../dockerfile/parse';
import { readsVariable } from '../dockerfile/variables';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';
import { passedBuildArgs } from './passedBuildArgs';

/**
 * ARG names that say they hold a per-build value: a commit (COMMIT, GIT_COMMIT, COMMIT_SHA,
 * GIT_SHA, GITHUB_SHA, REVISION, VCS_REF) or a build date or time (DATE, BUILD_DATE, BUILDTIME,
 * BUILD_TIMESTAMP, and in Unix seconds BUILD_UNIXTIME, UNIX_TIMESTAMP: ezbookkeeping's CI passes
 * `BUILD_UNIXTIME` on every build) or a CI build number (BUILD_NUMBER, BUILD_ID), or when it
 * was built (BUILT_AT, BUILD_AT, BUILT_ON: redpanda-data/kminion's workflow passes `BUILT_AT`
 * from `date`). Not a checksum (`GO_SHA256`, `HELM_SHA`): those pin a download.
 */
export const PER_BUILD = /^(?:[A-Z0-9]+_)*(?:COMMIT|REVISION|VCS_REF)(?:_[A-Z0-9]+)*$|^(?:(?:GIT|GITHUB|CI_COMMIT|COMMIT|SOURCE|VCS)_)?SHA(?:_SHORT)?$|^(?:GIT_)?HASH$|^(?:BUILD_?)?(?:UNIX_?)?(?:DATE|TIME|TIMESTAMP)$|^BUILD_?(?:UNIX_?)?(?:DATE|TIME)_?[A-Z]*$|^BUILD_?(?:NUMBER|ID)$|^BUIL[DT]_?(?:AT|ON)$/;

/**
 * A commit ARG whose default (its own value, else that of the global ARG it takes) is a commit
 * hash, which no build file of the repository passes another value for: it pins another project's
 * commit, changed by an edit of the Dockerfile, not per build (seaweedfs/seaweedfs-csi-driver
 * 05c90b2 cmd/seaweedfs-mount/Dockerfile:3,10, `ARG SEAWEEDFS_COMMIT=5e7ab43ddd52`, kept equal to
 * go.mod's seaweedfs version by a workflow's `sed`: the download re-runs with that go.mod anyway;
 * judge 38 Y F3, where GD104's fix put a download after it). Only where the build files are in
 * view (passedBuildArgs): elsewhere a CI may pass every build's commit over that default.
 */
export function pinnedCommit(model: DockerfileModel, workspace: WorkspaceModel | undefined, files: WorkspaceFiles | undefined, a: { name: string; value: string | undefined }): boolean {
  const value = a.value ?? model.globalArgs.get(a.name) ?? null;
  if (value === null || !/^[0-9a-f]{7,40}$/.test(value)) return false;
  const passed = passedBuildArgs(workspace, files);
  return passed.inView && !passed.any && !passed.names.has(a.name);
}

/**
 * The first RUN, before `at` in its stage or anywhere in a stage it is built FROM, that reads a
 * per-build ARG (PER_BUILD, not a pinned commit) its stage declares before it, directly or through
 * an ARG or ENV whose value expands it (`ENV COMMIT=$GIT_COMMIT`): that RUN changes with each
 * build, and every step after it runs again. With it, the stage's first declaration of a per-build
 * ARG and its name (every RUN after it has the ARG in its environment). Null when there is none.
 */
export function perBuildReaderBefore(model: DockerfileModel, workspace: WorkspaceModel | undefined, files: WorkspaceFiles | undefined, stage: Stage, at: Instruction): { run: Instruction; arg: Instruction; name: string } | null {
  for (const s of stageChain(model, stage)) {
    // Each per-build name, and each variable that carries one, with the ARG it comes from.
    const origin = new Map<string, { arg: Instruction; name: string }>();
    const read = (text: string) => {
      let found: { arg: Instruction; name: string } | undefined;
      readsVariable(text, (n) => !!(found ??= origin.get(n)));
      return found;
    };
    for (const i of s.instructions) {
      if (s === stage && i.line >= at.line) break;
      if (i.keyword === 'ARG') {
        for (const a of argDeclarations(model, i)) {
          if (PER_BUILD.test(a.name.toUpperCase()) && !pinnedCommit(model, workspace, files, a) && !origin.has(a.name)) origin.set(a.name, { arg: i, name: a.name });
        }
      }
      if (origin.size === 0) continue;
      if (i.keyword === 'ARG' || i.keyword === 'ENV') {
        for (const p of properties(i)) {
          const from = p.value !== null && !origin.has(p.name) ? read(p.value) : undefined;
          if (from) origin.set(p.name, from);
        }
      } else if (i.keyword === 'RUN') {
        const from = read(model.text.slice(i.span.start, i.span.end));
        if (from) return { run: i, ...from };
      }
    }
  }
  return null;
}
