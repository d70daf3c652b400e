/**
 * A stage runs the Go toolchain when the container starts: its effective ENTRYPOINT/CMD
 * (dockerfile/facts.ts `startInstructions`) runs go itself (`ENTRYPOINT go test ./...`:
 * gluetun's test target), starts a Go live-reload tool (`CMD ["air"]`), or runs a script file the
 * image got from the build context (a COPY/ADD of that file or of a folder holding it, resolved
 * against the WORKDIR and the COPY's destination: ./copiedFiles.ts `contextFileAt`) whose text
 * runs go (dockerfile/indirectGo.ts `GO_IN_TEXT`) or starts such a tool. statping-ng's dev image
 * (`CMD dev/dev-env.sh`, which runs `modd`, whose config runs `go build` on every change) and
 * Gokapi's builder image (`ENTRYPOINT ["/entrypoint.sh"]`, which runs `go generate` and
 * `go build`) are the two. A build tool it starts counts the same way when its file from the
 * context runs go (`CMD ["make", "test"]`: golang-migrate's CI image; the file read as for
 * `RUN make …`, dockerfile/indirectGo.ts; for make, what its goals' recipes run when the Makefile
 * shows all of it: makeGoalText). The command a wait-for wrapper runs counts as the start command
 * (`wait-for-it.sh rabbitmq:5672 -- make test-with-coverage`: RichardKnop/machinery's CI test
 * runner; dockerfile/facts.ts waitWrapped). A script a RUN of the Dockerfile wrote counts the
 * same (`RUN echo '…' > compile.sh`, `cat <<EOF > run.sh`: ./writtenFiles.ts; dendrite's
 * ComplementLocal.Dockerfile). So does a script the image does not have, at the place the context
 * has it relative to the files the stage copied (`WORKDIR /build`, `COPY go.mod .`, `ENTRYPOINT
 * ["/build/test/test.sh"]`): the context is mounted there at run time (./copiedFiles.ts
 * mountedContextFile; yandex-cloud/k8s-csi-s3's test image), and such an image is a dev or builder
 * image whatever it builds itself. So does a script such a start script runs that the image got
 * from the context (prest's entrypoint.sh runs plugin/go-build.sh). The scripts are read as text,
 * never run; two levels deep.
 *
 * What rules do with it: GD107 keeps the module cache in the image's layers (a cache mount would
 * leave it out), and the build cache when go at start uses the same GOCACHE; GD201 leaves a dev or
 * builder image its toolchain; GD208 leaves such an image its build tools.
 */
import * as path from 'node:path';
import { goCommandOf, goPackages, stageChain, stageDescendants, stageGoCommands, stagesReadBy, startInstructions, waitWrapped, workdirBefore, type GoCommand } from '../dockerfile/facts';
import { buildToolFiles, GO_IN_TEXT, makeGoalText } from '../dockerfile/indirectGo';
import { makeArgs } from '../dockerfile/makeRecipe';
import { registerStageFactSlot, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { inNestedScript, parseShell, type ShellCommand, type ShellWord } from '../dockerfile/shell';
import type { WorkspaceFiles } from '../workspace/types';
import type { WorkspaceModel } from '../workspace/model';
import { underPath } from '../workspace/goImports';
import { flatMapOf } from '../arrays';
import { serviceBuilds, type ComposeService } from './composeImages';
import { stageWritesPath } from './builtPackages';
import { contextFileAt, contextFileThrough, mountedContextFile } from './copiedFiles';
import { dockerfileFact } from './memo';
import { writtenFileAt } from './writtenFiles';

export interface GoAtStart {
  /** How: go in the ENTRYPOINT/CMD words, a live-reload tool there, or a script from the context. */
  via: 'command' | 'reload' | 'script';
  /** The ENTRYPOINT or CMD that starts it. */
  instr: Instruction;
  /** The script's context-relative path (via 'script'), or its image path when a RUN wrote it (`written`). */
  file?: string;
  /** The script starts a live-reload tool (via 'script'). */
  reload?: boolean;
  /** The script's text (via 'script', not a build tool's file). */
  text?: string;
  /**
   * The script (`file`) is not the one the container starts but one that start script runs: the
   * start script's context-relative path (prest's etc/entrypoint.sh, which runs plugin/go-build.sh).
   */
  through?: string;
  /** A RUN (or a `COPY <<EOF`) of the Dockerfile wrote the script (./writtenFiles.ts), not a copy from the context. */
  written?: boolean;
  /**
   * The image does not have the script: the context is mounted where the stage copied its files
   * (./copiedFiles.ts mountedContextFile), so the container runs go on the mounted sources.
   */
  mounted?: true;
}

/**
 * Go live-reload tools: each watches the sources and runs `go build` (or `go run`) on every
 * change, so a container that starts one compiles at run time. Named, their configs (modd.conf,
 * .air.toml) need not be read. cortesi/modd, air-verse/air, cespare/reflex,
 * githubnemo/CompileDaemon, mitranim/gow, oxequa/realize, gravityblast/fresh.
 */
const RELOAD_TOOLS = new Set(['modd', 'air', 'reflex', 'CompileDaemon', 'gow', 'realize', 'fresh']);
/** One of them in command position in a script: at a line's start, after `;`, `&`, `|`, `(`, or after exec/then/do/nohup. */
const RELOAD_IN_TEXT = /(?:^|[;&|(])\s*(?:(?:exec|then|do|else|nohup)\s+)*(?:\S*\/)?(?:modd|air|reflex|CompileDaemon|gow|realize|fresh)(?=[\s;&|)]|$)/m;

/** A go command in the ENTRYPOINT/CMD words (`ENTRYPOINT go test -race ./...`, `CMD ["go", "run", "."]`). */
const GO_IN_WORDS = /(^|[\s;&|("'])go\s+(test|run|build|install|generate|vet|list|get|mod|tool)\b/;

/**
 * A go command in command position in a start's text or the string it hands `sh -c` (at a line's
 * start, after `;`, `&`, `|`, `(`, or after exec/then/do/nohup): `go run .` and `cd api && go test
 * ./...`, not `/app/server -c "go run ."` (an operand).
 */
const GO_IN_COMMAND = /(?:^|[;&|(])\s*(?:(?:exec|then|do|else|nohup)\s+)*(?:\S*\/)?go\s+(?:test|run|build|install|generate|vet|list|get|mod|tool)\b/m;

/** Programs that start the real command (their first operand): shells, init wrappers. */
const LAUNCHERS = /^(\/usr)?(\/s?bin\/)?(sh|bash|ash|dash|zsh|env|tini|tini-static|dumb-init|su-exec|gosu|exec|nohup)$/;
/** The launchers that are shells (`-c` gives them a command string). */
const SHELLS = /^(\/usr)?(\/s?bin\/)?(sh|bash|ash|dash|zsh)$/;

/** Where a command name without a slash is looked up (the usual PATH; golang images add /go/bin and /usr/local/go/bin). */
const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin', '/go/bin'];

/**
 * How the stage runs go when its container starts, or null. `files`: the build context's files
 * (rules pass `ctx.files`); without them only the ENTRYPOINT/CMD words count.
 */
export function goAtStart(model: DockerfileModel, stage: Stage, files: WorkspaceFiles | undefined): GoAtStart | null {
  // Asked per go command by GD107: once per model and stage, for the files at hand (a model
  // analysed again with other files computes it again).
  const kept = dockerfileFact(model, 'goAtStart', () => ({ files, byStage: new Map<number, GoAtStart | null>() }));
  if (kept.files !== files) {
    kept.files = files;
    kept.byStage = new Map();
  }
  let v = kept.byStage.get(stage.index);
  if (v === undefined) kept.byStage.set(stage.index, (v = compute(model, stage, files)));
  return v;
}

/**
 * Some stage built FROM this one (or the stage itself) runs go when its container starts: asked
 * of its descendants only (goAtStart is kept per stage), not of every stage of the file, which
 * at 14,000 lines was most of GD107's time on each keystroke.
 */
export function feedsGoAtStart(model: DockerfileModel, stage: Stage, files: WorkspaceFiles | undefined): boolean {
  return stageDescendants(model, stage).some((d) => goAtStart(model, d, files) !== null);
}

/** `go install tool@version`: installs a tool; it builds nothing of the project. */
export function isToolInstall(g: GoCommand): boolean {
  return g.sub === 'install' && goPackages(g.args).length > 0 && goPackages(g.args).every((p) => p.value.includes('@'));
}

/**
 * isToolInstall, or a `go install` without a version of packages of modules the workspace's
 * go.mod requires (and not of a module of the workspace): a tools module pins their versions
 * (lightninglabs/lightning-terminal 9dda380's tools/: go.mod requires
 * github.com/golangci/golangci-lint v1.64.6, tools.go imports its cmd/golangci-lint, and the
 * Dockerfile runs `go install github.com/golangci/golangci-lint/cmd/golangci-lint` in the copied
 * module). It builds nothing of the project either.
 */
export function isPinnedToolInstall(g: GoCommand, ws: WorkspaceModel | undefined): boolean {
  if (isToolInstall(g)) return true;
  const pkgs = goPackages(g.args);
  if (!ws || g.sub !== 'install' || pkgs.length === 0) return false;
  return pkgs.every((p) => !p.dynamic && /^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(p.value) && !p.value.includes('...')
    && !ws.modules.some((m) => m.path !== '' && underPath(p.value, m.path))
    && ws.modules.some((m) => m.requirements.some((r) => underPath(p.value, r.path))));
}

/**
 * A dev or builder image: its container compiles when it starts, through a Go live-reload tool
 * (statping-ng's dev image: `CMD dev/dev-env.sh` starts modd, which runs `go build` on every
 * change), or through a start script from the context that runs go while the image builds
 * nothing of the project itself (Gokapi's builder: entrypoint.sh cross-compiles a mounted
 * checkout). The toolchain, the module cache and root (it writes into mounted host folders) are
 * how such an image is used (GD201, GD204). `CMD ["go", "run", "."]` written out is not one: an
 * ordinary program, run the slow way. Unless a later stage of the Dockerfile copies its build out
 * (`COPY --from=`): the Dockerfile's own runtime stage then ships the program, and this stage,
 * built as an image of its own (`--target`), is the development image (loft-sh/vcluster 4876675
 * Dockerfile:2-51: the `builder` stage that devspace.yaml builds, `ENTRYPOINT ["go", "run", "-mod",
 * "vendor", "cmd/vcluster/main.go", "start"]`, with dlv and a warm GOCACHE; its alpine stage
 * copies /vcluster).
 */
export function devOrBuilderImage(model: DockerfileModel, stage: Stage, files: WorkspaceFiles | undefined): GoAtStart | null {
  const atStart = goAtStart(model, stage, files);
  // Go run by a script the start script runs is a step of starting the program, not what the
  // image is for (prest's release image builds its plugins, then starts /bin/prestd): see
  // toolchainAtStart.
  if (!atStart || atStart.through !== undefined) return null;
  if (atStart.via === 'reload' || atStart.reload) return atStart;
  if (atStart.via === 'command') return copiedOutLater(model, stage) ? atStart : null;
  if (atStart.via !== 'script') return null;
  // The script runs go on sources mounted at run time: whatever the image builds itself (k8s-csi-s3's
  // test image builds minio, a test helper), its container compiles or tests the mounted checkout.
  if (atStart.mounted) return atStart;
  const builds = stageChain(model, stage).some((s) => stageGoCommands(s).some((g) => g.sub === 'build' || (g.sub === 'install' && !isToolInstall(g))));
  if (!builds) return atStart;
  // The image builds helpers, and its start script compiles the program itself from sources
  // mounted at run time (dendrite's ComplementLocal.Dockerfile).
  return atStart.text !== undefined && compilesWhatTheImageDoesNot(model, stage, atStart.text) ? atStart : null;
}

/**
 * The container needs the Go toolchain when it starts: a dev or builder image (devOrBuilderImage),
 * or a start script that runs a script of the context which runs go, in an image that builds
 * nothing of the project itself (prest/prest 9070bda Dockerfile:45-56, stage `release`: it copies a
 * prebuilt prestd, and etc/entrypoint.sh runs plugin/go-build.sh, `go build -buildmode=plugin`, when
 * PREST_BUILD_PLUGINS=1, which the stage sets). Such a plugin must be built by the toolchain that
 * built the program, at start: no runtime image without it will do (GD201).
 */
export function toolchainAtStart(model: DockerfileModel, stage: Stage, files: WorkspaceFiles | undefined): GoAtStart | null {
  const dev = devOrBuilderImage(model, stage, files);
  if (dev) return dev;
  const atStart = goAtStart(model, stage, files);
  if (!atStart || atStart.through === undefined) return null;
  const builds = stageChain(model, stage).some((s) => stageGoCommands(s).some((g) => g.sub === 'build' || (g.sub === 'install' && !isToolInstall(g))));
  return builds ? null : atStart;
}

/** A COPY (or RUN mount) of a later stage reads files from this stage: its build ships elsewhere. */
function copiedOutLater(model: DockerfileModel, stage: Stage): boolean {
  return model.stages.some((s) => s.index > stage.index && s.instructions.some((i) => (i.keyword === 'COPY' || i.keyword === 'RUN') && stagesReadBy(model, i).includes(stage.index)));
}

/**
 * What a compose service starts, as text: its start, and the command string when that start is a
 * shell's `-c` (photoview's dev-compose.yaml: `/bin/bash -c 'export $(cat /env)\n reflex … -- go run .'`).
 */
function startTexts(svc: ComposeService): string[] {
  return [svc.start, svc.script].filter((t): t is string => t !== undefined);
}

/**
 * A compose service of the context root (composeServices) whose container, built from this
 * Dockerfile's stage, runs go or a Go live-reload tool when it starts (its `command:` or
 * `entrypoint:`, or the string that start hands `sh -c`/`bash -c`; GD107, and GD201 for a dev
 * image: supabase/auth's Dockerfile.dev with docker-compose-dev.yml's `command: CompileDaemon …`,
 * photoview's `target: api` with dev-compose.yaml's `bash -c '… reflex … -- go run .'`): tarampampam/webhook-tester de43e59's `app-http` service builds `target: builder`
 * and runs `go run ./cmd/webhook-tester/ start …` in it, with the modules the stage downloaded
 * into its layer. A service without a `target:` builds the Dockerfile's last stage.
 */
export function composeGoService(model: DockerfileModel, stage: Stage, dockerfile: string, services: readonly ComposeService[]): ComposeService | null {
  const last = stage.index === model.stages.length - 1;
  return services.find((svc) => svc.build && startTexts(svc).some((t) => GO_IN_COMMAND.test(t) || RELOAD_IN_TEXT.test(t))
    && (svc.target !== undefined || last) && serviceBuilds(svc, dockerfile, stage.name)) ?? null;
}

function compute(model: DockerfileModel, stage: Stage, files: WorkspaceFiles | undefined): GoAtStart | null {
  const { entrypoint, cmd } = startInstructions(model, stage);
  const starts = [entrypoint, cmd].filter((i): i is Instruction => i !== null);
  for (const i of starts) {
    if (GO_IN_WORDS.test(words(i).join(' '))) return { via: 'command', instr: i };
  }
  for (const i of starts) {
    for (const argv of startCommands(i)) {
      const prog = program(argv);
      if (prog === null) continue;
      if (RELOAD_TOOLS.has(path.posix.basename(prog))) return { via: 'reload', instr: i };
    }
  }
  // A script a RUN of the Dockerfile wrote (dendrite's ComplementLocal.Dockerfile: `RUN echo '…
  // go build -v -o /runtime /dendrite/cmd/dendrite …' > compile.sh`, `CMD /runtime/compile.sh &&
  // exec /runtime/run.sh`): read without the context's files.
  for (const i of starts) {
    for (const argv of startCommands(i)) {
      const prog = program(argv);
      if (prog === null || prog.includes('$')) continue;
      for (const target of imagePaths(model, stage, prog)) {
        const w = writtenFileAt(model, stage, target);
        if (w === null) continue;
        const reload = RELOAD_IN_TEXT.test(w.text);
        if (reload || GO_IN_TEXT.test(w.text)) return { via: 'script', instr: i, file: w.path, reload, text: w.text, written: true };
      }
    }
  }
  if (!files) return null;
  for (const i of starts) {
    for (const argv of startCommands(i)) {
      const prog = program(argv);
      if (prog === null || prog.includes('$')) continue;
      const tool = startToolFile(model, stage, argv, files);
      if (tool !== null) return { via: 'script', instr: i, file: tool };
      for (const target of imagePaths(model, stage, prog)) {
        const copied = contextFileAt(model, stage, target, files);
        // A script the image does not have, where the context has it beside the files the stage
        // copied: the context is mounted there at run time (k8s-csi-s3's test image: its
        // Makefile runs it with `-v $(PWD):/build`), unless an instruction writes that path.
        // (Named by a path: a bare name is looked up in PATH, where no checkout is mounted.)
        const mounted = copied === null && prog.includes('/') && writtenFileAt(model, stage, target) === null && !stageWritesPath({ model }, stage, target)
          ? mountedContextFile(model, stage, target, files)
          : null;
        const file = copied ?? mounted;
        const text = file === null ? null : files.readFile(file);
        if (text === null || file === null) continue;
        const reload = RELOAD_IN_TEXT.test(text);
        if (reload || GO_IN_TEXT.test(text)) return { via: 'script', instr: i, file, reload, text, ...(mounted !== null ? { mounted: true as const } : {}) };
        // The script starts a build tool whose file runs go (kiali/kiali d733a09
        // tests/integration/run-tests.sh: `make test-integration`, a target of an included
        // make/Makefile.build.mk that runs `${GO} test`): the same as the start command running it.
        // (Up to a `cd`: after it the tool reads another folder's file.)
        for (const c of parseShell(text).commands) {
          if (c.argv[0]?.value === 'cd') break;
          const tool = startToolFile(model, stage, c.argv.map((w) => w.value), files);
          if (tool !== null) return { via: 'script', instr: i, file, text };
        }
        // The script runs another script the image got from the context, which runs go or starts
        // a live-reload tool: prest/prest 9070bda Dockerfile:45-56 (`release`), `ENTRYPOINT ["sh",
        // "/app/entrypoint.sh"]`, whose etc/entrypoint.sh:36 runs `./plugin/go-build.sh` (`COPY
        // etc/plugin /app/plugin`, WORKDIR /app), which runs `go build -buildmode=plugin` at
        // start. Read in the folder the container starts in, so up to a `cd`; two levels only.
        const nested = nestedScript(model, stage, text, files);
        if (nested !== null) return { via: 'script', instr: i, file: nested.file, reload: nested.reload, text: nested.text, through: file };
      }
    }
  }
  return null;
}

/**
 * A script that a start script (its `text`) runs by path or by name, before any `cd`, which the
 * image got from the build context (contextFileAt, the path resolved against the WORKDIR the
 * container starts in) and whose text runs go or starts a Go live-reload tool; else null.
 */
function nestedScript(model: DockerfileModel, stage: Stage, text: string, files: WorkspaceFiles): { file: string; text: string; reload: boolean } | null {
  const script = parseShell(text);
  for (const c of script.commands) {
    if (c.argv[0]?.value === 'cd') break;
    if (inNestedScript(script, c)) continue;
    const prog = program(c.argv.map((w) => w.value));
    if (prog === null || prog.includes('$') || !/\.(sh|bash)$/.test(prog)) continue;
    for (const target of imagePaths(model, stage, prog)) {
      const file = contextFileAt(model, stage, target, files);
      const inner = file === null ? null : files.readFile(file);
      if (file === null || inner === null) continue;
      const reload = RELOAD_IN_TEXT.test(inner);
      if (reload || GO_IN_TEXT.test(inner)) return { file, text: inner, reload };
    }
  }
  return null;
}

/**
 * The commands an ENTRYPOINT/CMD runs (commands()), with an exec form's `sh -c '<line>'` (`["/bin/bash",
 * "-c", "tests/integration/run-tests.sh"]`: kiali/kiali d733a09 tests/integration/Dockerfile) read as
 * the commands of that line, as a shell form's are. For goAtStart only: the scripts other facts start
 * are read as before.
 */
function startCommands(i: Instruction): string[][] {
  // The command a wait-for wrapper runs (`wait-for-it.sh rabbitmq:5672 -- make test-with-coverage`:
  // RichardKnop/machinery's Dockerfile.test), as if it were started itself.
  return startLines(i).map((argv) => argv.slice(waitWrapped(argv)));
}

function startLines(i: Instruction): string[][] {
  if (!i.json) return commands(i);
  const k = programIndex(i.json);
  if (k !== null) return [i.json];
  const c = i.json.indexOf('-c');
  const line = c >= 0 ? i.json[c + 1] : undefined;
  return line === undefined ? [i.json] : parseShell(line).commands.map((cmd) => cmd.argv.map((w) => w.value));
}

/**
 * The start script compiles, when the container starts, packages the image does not build: each
 * package its `go build`/`go install`/`go test`/`go run` names (by its last path element) is
 * none the stage chain's `go build`/`go install` names. dendrite's ComplementLocal.Dockerfile
 * builds cmd/generate-config and cmd/generate-keys, and its compile.sh builds cmd/dendrite from
 * sources mounted at run time: the toolchain makes the program that runs. False when a package
 * cannot be named (`.`, a variable): a start script beside a build of the same program (`RUN go
 * build -o /app .`, `go build .` at start) does not count.
 */
function compilesWhatTheImageDoesNot(model: DockerfileModel, stage: Stage, text: string): boolean {
  const name = (p: string): string | null => {
    const base = path.posix.basename(p.replace(/\/\.\.\.$/, '').replace(/\/+$/, ''));
    return base === '' || base === '.' || base === '..' || /[$`*]/.test(base) ? null : base;
  };
  const namesOf = (gs: readonly Omit<GoCommand, 'instr'>[]): Set<string> | null => {
    const out = new Set<string>();
    for (const g of gs) {
      const pkgs = goPackages(g.args);
      if (pkgs.length === 0) return null;
      for (const w of pkgs) {
        const n = w.dynamic ? null : name(w.value);
        if (n === null) return null;
        out.add(n);
      }
    }
    return out;
  };
  const atStart = namesOf(flatMapOf(parseShell(text).commands, (c) => {
    const g = goCommandOf(c);
    return g && /^(build|install|test|run)$/.test(g.sub) ? [g] : [];
  }));
  if (atStart === null || atStart.size === 0) return false;
  const built = namesOf(flatMapOf(stageChain(model, stage), (s) => stageGoCommands(s).filter((g) => g.sub === 'build' || (g.sub === 'install' && !isToolInstall(g)))));
  return built !== null && ![...atStart].some((n) => built.has(n));
}

/**
 * A build tool the container starts (`CMD ["make", "test"]`: golang-migrate's CI test image,
 * whose Makefile's test target runs `go test`), whose file (dockerfile/indirectGo.ts
 * `buildToolFiles`, in the folder the container starts in) the image got from the build context
 * and runs go (`GO_IN_TEXT`, as for `RUN make …`): its context-relative path, else null.
 */
function startToolFile(model: DockerfileModel, stage: Stage, argv: string[], files: WorkspaceFiles): string | null {
  const k = programIndex(argv);
  const names = k === null ? null : buildToolFiles(argv.slice(k));
  if (!names || k === null) return null;
  const dir = finalWorkdir(model, stage);
  if (dir === null) return null;
  for (const name of names) {
    const file = contextFileAt(model, stage, path.posix.resolve(dir, name), files);
    const text = file === null ? null : files.readFile(file);
    if (file === null || text === null) continue;
    // make reads the first of its names that exists. What its goals run, when the Makefile shows
    // all of it (dockerfile/indirectGo.ts makeGoalText: machinery's `make test-with-coverage` runs
    // `go test` for each package); else the whole file and the files it includes.
    const make = makeArgs(argv.slice(k).map((value): ShellWord => ({ value, raw: value, start: 0, end: 0, dynamic: value.includes('$') })));
    const ran = make === null ? null : makeGoalText(text, make.targets);
    if (ran !== null) return GO_IN_TEXT.test(ran) ? file : null;
    return GO_IN_TEXT.test(text) || includedRunsGo(model, stage, dir, text, files) ? file : null;
  }
  return null;
}

/**
 * A file a Makefile includes (`include make/Makefile.build.mk`, literal paths only, one level),
 * which the image got from the context, runs go: kiali/kiali d733a09's Makefile keeps its
 * `test-integration` target (`${GO} test …`) in make/Makefile.build.mk.
 */
function includedRunsGo(model: DockerfileModel, stage: Stage, dir: string, text: string, files: WorkspaceFiles): boolean {
  for (const m of text.matchAll(/^-?include[ \t]+([^\n#]+)/gm)) {
    for (const name of m[1].trim().split(/\s+/)) {
      if (name.includes('$') || /[*?[]/.test(name)) continue;
      const file = contextFileAt(model, stage, path.posix.resolve(dir, name), files);
      const inc = file === null ? null : files.readFile(file);
      if (inc !== null && GO_IN_TEXT.test(inc)) return true;
    }
  }
  return false;
}

/**
 * The go commands a stage's container runs when it starts, read from its effective ENTRYPOINT
 * and CMD as Docker combines them: an exec-form ENTRYPOINT with the CMD's words after it
 * (go-shiori/shiori's dev image: `ENTRYPOINT ["go", "run", "main.go"]` + `CMD ["server"]`), a
 * shell-form one alone, or the CMD alone; a shell form's commands through the shell parser, and
 * an exec form's `sh -c '<script>'` through it too. Each command's `instr` is the ENTRYPOINT (or
 * the CMD without one). An exec form's words have no offsets in the document (0); a go command
 * after a `cd` in such a `sh -c` script is left out (the folder it runs in is not known to
 * commandCwd, which reads the instruction's own script).
 */
export function startGoCommands(model: DockerfileModel, stage: Stage): GoCommand[] {
  const { entrypoint, cmd } = startInstructions(model, stage);
  const instr = entrypoint ?? cmd;
  if (!instr) return [];
  const out: GoCommand[] = [];
  const take = (cmds: readonly ShellCommand[], skipAfterCd: boolean) => {
    for (const c of cmds) {
      if (skipAfterCd && c.argv[0]?.value === 'cd') return;
      const g = goCommandOf(c);
      if (g) out.push({ instr, ...g });
    }
  };
  if (!instr.json) {
    take(instr.script?.parsed.commands ?? [], false);
    return out;
  }
  // Exec form: the CMD's words follow an exec-form ENTRYPOINT (a shell-form CMD as `/bin/sh -c …`).
  const argv = [...instr.json];
  if (entrypoint && cmd) argv.push(...(cmd.json ?? ['/bin/sh', '-c', cmd.script?.text ?? cmd.args.map((a) => a.value).join(' ')]));
  const k = programIndex(argv);
  if (k === null) {
    // `sh -c 'go run .'`: the script is the word after -c.
    const c = argv.indexOf('-c');
    if (c >= 0 && argv[c + 1] !== undefined) take(parseShell(argv[c + 1]).commands, true);
    return out;
  }
  take([execCommand(argv.slice(k))], false);
  return out;
}

/** Exec-form words as a shell command (no expansion happens in exec form; no offsets). */
function execCommand(argv: readonly string[]): ShellCommand {
  return { env: [], argv: argv.map((value): ShellWord => ({ value, raw: value, start: 0, end: 0, dynamic: false })), start: 0, end: 0 };
}

/** What a stage's container runs when it starts. */
export interface StartProgram {
  /** The ENTRYPOINT, else the CMD (a CMD after an ENTRYPOINT only gives it arguments). */
  instr: Instruction;
  /** The program, past shells and init wrappers (`tini -- /usr/local/bin/entrypoint.sh`: the script), as written. */
  program: string;
  /** The absolute paths it may be at in the image (a bare name: each folder of the usual PATH). */
  paths: string[];
  /**
   * When the program is a script the image got from the build context (directly, or through a
   * `COPY --from` of a stage that copied it from the context: copiedFiles.ts
   * `contextFileThrough`), its context-relative path and text. Only with the context's files.
   */
  script?: { file: string; text: string };
}

/**
 * The programs a stage's container starts (its ENTRYPOINT's commands, else its CMD's), and the
 * script each is when the image got it from the context. ipfs-cluster's image starts
 * `/sbin/tini -- /usr/local/bin/entrypoint.sh`, docker/entrypoint.sh of the context, which ends
 * in `exec ipfs-cluster-service $@`. The script is read as text, never run.
 */
export function startPrograms(model: DockerfileModel, stage: Stage, files: WorkspaceFiles | undefined): StartProgram[] {
  const { entrypoint, cmd } = startInstructions(model, stage);
  const instr = entrypoint ?? cmd;
  if (!instr) return [];
  const out: StartProgram[] = [];
  for (const argv of commands(instr)) {
    const prog = program(argv);
    if (prog === null || prog.includes('$')) continue;
    const paths = imagePaths(model, stage, prog);
    const start: StartProgram = { instr, program: prog, paths };
    for (const target of files ? paths : []) {
      const file = contextFileThrough(model, stage, target, files!);
      const text = file === null ? null : files!.readFile(file);
      if (file !== null && text !== null) {
        start.script = { file, text };
        break;
      }
    }
    out.push(start);
  }
  return out;
}

/** A script a stage's container starts, with its text: from the context (startPrograms) or as the Dockerfile wrote it (./writtenFiles.ts). */
export interface StartScript {
  program: string;
  /** The context-relative path, or the image path of a written script. */
  file: string;
  text: string;
  written: boolean;
}

/**
 * The scripts a stage's container starts (startPrograms), each with its text: the file the image
 * got from the context, else the one a RUN (`echo '…' > run.sh`, `cat <<EOF > run.sh`) or a
 * `COPY <<EOF` wrote (dendrite's ComplementPostgres.Dockerfile: `CMD /build/run_postgres.sh &&
 * …`, which `RUN echo '… pg_ctlcluster 15 main start …' > run_postgres.sh` wrote).
 */
export function startScripts(model: DockerfileModel, stage: Stage, files: WorkspaceFiles | undefined): StartScript[] {
  // Once per stage and analysis: GD204, GD212 and GD213 ask it of every image on each keystroke.
  const slot = stage as StartScriptsSlot;
  const known = slot[START_SCRIPTS];
  if (known !== undefined && known.files === files) return known.scripts;
  const scripts = readStartScripts(model, stage, files);
  slot[START_SCRIPTS] = { files, scripts };
  return scripts;
}
const START_SCRIPTS = Symbol('startScripts');
registerStageFactSlot(START_SCRIPTS);
interface StartScriptsSlot {
  [START_SCRIPTS]?: { files: WorkspaceFiles | undefined; scripts: StartScript[] };
}

function readStartScripts(model: DockerfileModel, stage: Stage, files: WorkspaceFiles | undefined): StartScript[] {
  const out: StartScript[] = [];
  for (const sp of startPrograms(model, stage, files)) {
    if (sp.script) {
      out.push({ program: sp.program, file: sp.script.file, text: sp.script.text, written: false });
      continue;
    }
    for (const p of sp.paths) {
      const w = writtenFileAt(model, stage, p);
      if (w !== null) {
        out.push({ program: sp.program, file: w.path, text: w.text, written: true });
        break;
      }
    }
  }
  return out;
}

function words(i: Instruction): string[] {
  return i.json ?? i.args.map((a) => a.value);
}

/** The commands an ENTRYPOINT/CMD runs: its exec-form words, or each command of its shell form. */
function commands(i: Instruction): string[][] {
  if (i.json) return [i.json];
  if (i.script) return i.script.parsed.commands.map((c) => c.argv.map((w) => w.value));
  return [words(i)];
}

/** The program a command runs, past shells and init wrappers (`tini -- /entrypoint.sh`, `sh ./run.sh`); null for `sh -c …`. */
function program(argv: string[]): string | null {
  const k = programIndex(argv);
  return k === null ? null : argv[k] ?? null;
}

/** Where program() finds the program in argv; null for `sh -c …`. */
function programIndex(argv: readonly string[]): number | null {
  let k = 0;
  while (k < argv.length && LAUNCHERS.test(argv[k])) {
    // `sh -c '…'` runs a command string; a `-c` after `exec`/`env`/`gosu` is the program's own
    // (vulcan-api's run.sh: `exec ./vulcan-api -c run.toml`).
    if (SHELLS.test(argv[k]) && argv.slice(k + 1).some((a) => a === '-c')) return null;
    k++;
    while (k < argv.length && (argv[k].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[k]))) k++;
  }
  return k < argv.length ? k : null;
}

/** A command of a start script: the program it runs (past `exec`, shells and init wrappers, as for the ENTRYPOINT) and its arguments. */
export interface ScriptCommand {
  program: ShellWord;
  args: ShellWord[];
  /** 1-based line of the command in the script. */
  line: number;
}

/**
 * The commands a start script (startPrograms' `script`) runs, each in an `if` branch or not,
 * read with the shell parser (never run): ipfs-cluster's docker/entrypoint.sh runs
 * `ipfs-cluster-service --version`, `ipfs-cluster-service init …` and `exec ipfs-cluster-service $@`.
 */
export function scriptCommands(text: string): ScriptCommand[] {
  const out: ScriptCommand[] = [];
  const script = parseShell(text);
  for (const c of script.commands) {
    // (Not the commands of a `sh -c '…'` string: which of them is the program is not read here.)
    if (inNestedScript(script, c)) continue;
    const k = programIndex(c.argv.map((w) => w.value));
    if (k === null) continue;
    out.push({ program: c.argv[k], args: c.argv.slice(k + 1), line: text.slice(0, c.start).split('\n').length });
  }
  return out;
}

/**
 * The absolute paths of the programs a start script (startPrograms' `script`) runs, each where
 * the image may have it (a bare name: on PATH; an absolute path): cometbft's
 * DOCKER/docker-entrypoint.sh runs `cometbft init`, sed, jq, mv and `exec cometbft "$@"`. A
 * program written with a variable, or relative with a slash (the script may `cd`), is left out.
 */
export function scriptProgramPaths(model: DockerfileModel, stage: Stage, text: string): string[] {
  const out = new Set<string>();
  for (const c of scriptCommands(text)) for (const p of scriptProgramAt(model, stage, c.program)) out.add(p);
  return [...out];
}

/** The absolute paths a program a start script runs may be at (see scriptProgramPaths); none for one written with a variable or relative with a slash. */
export function scriptProgramAt(model: DockerfileModel, stage: Stage, program: ShellWord): string[] {
  const prog = program.value;
  return program.dynamic || prog.includes('$') || (!prog.startsWith('/') && prog.includes('/')) ? [] : imagePaths(model, stage, prog);
}

/** The absolute paths a program name may be at: itself, under the final WORKDIR, or on PATH for a bare name. */
function imagePaths(model: DockerfileModel, stage: Stage, prog: string): string[] {
  if (prog.startsWith('/')) return [path.posix.resolve(prog)];
  if (prog.includes('/')) {
    const dir = finalWorkdir(model, stage);
    return dir === null ? [] : [path.posix.resolve(dir, prog)];
  }
  return PATH_DIRS.map((d) => `${d}/${prog}`);
}

/** The WORKDIR the container starts in: the one after the stage chain's last instruction. */
function finalWorkdir(model: DockerfileModel, stage: Stage): string | null {
  const last = stage.instructions[stage.instructions.length - 1];
  const before = workdirBefore(model, stage, last, null);
  // workdirBefore stops before its instruction: a WORKDIR as the last one is applied here.
  if (last.keyword !== 'WORKDIR') return before;
  const v = last.args[0]?.value;
  if (!v || v.includes('$')) return null;
  if (v.startsWith('/')) return path.posix.resolve(v);
  return before === null ? null : path.posix.resolve(before, v);
}
