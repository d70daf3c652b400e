/**
 * GD134: a variable named for go's flags (`GO_LDFLAGS`, `LDFLAGS`, `GO_BUILD_FLAGS`, `BUILD_TAGS`,
 * `GO_TAGS`…) set only in the environment of a `go build` / `go install` (a prefix assignment:
 * `GO_LDFLAGS=$GO_LDFLAGS go build …`, or `env GO_LDFLAGS=… go build`). The go command reads no
 * such variable: its flags come from its command line and from GOFLAGS (`go help environment`
 * lists every variable it reads), and the compiler and linker it runs get their flags from it, not
 * from the environment. So what the variable holds is dropped without a word.
 * percona/percona-xtradb-cluster-operator b3b0b10 build/Dockerfile:18-44 and
 * percona/percona-postgresql-operator adafb34 build/postgres-operator/Dockerfile:31-44: every go
 * build runs with `GO_LDFLAGS=$GO_LDFLAGS`, and e2e-tests/build passes `--build-arg
 * GO_LDFLAGS="-w -s -trimpath …"` (and `-race` for a debug build): neither -trimpath, nor -s -w
 * for the binaries without -ldflags, nor -race is ever applied (judge 42 X M4).
 *
 * Only where nothing else can read the variable: the command is go itself (or `env … go`, not a
 * wrapper script) running `build` or `install`, whose own programs are the compiler, assembler,
 * linker and cgo's C compiler (none reads these names). Not `go run`, `go test`, `go generate`,
 * `go tool` or `go vet`, whose programs inherit the environment (cli/cli's `go run script/build.go`
 * reads GO_LDFLAGS itself), nor a command with `-toolexec`
 * or `-exec` (its tool inherits it; also through GOFLAGS on the command or in the stage's ENV),
 * nor one whose words read the variable themselves (`GO_TAGS=x go build -tags "$GO_TAGS"`: the
 * words see the outer value, another matter). Not the names go reads: GOFLAGS, CGO_LDFLAGS and
 * the other CGO_ variables. An empty value drops nothing: not reported.
 *
 * An ENV or ARG of such a name is not reported: a Makefile or script run in the stage may read it.
 */
import { goCommands } from '../dockerfile/facts';
import { goflags } from '../dockerfile/goBuild';
import { scriptSpan, type Instruction } from '../dockerfile/model';
import { readsVariable } from '../dockerfile/variables';
import { stagesToCheck, type Rule, type RuleFinding } from './types';

/** Names that say they hold go's flags or build tags; not GOFLAGS and not cgo's CGO_… (go reads those). */
const GO_FLAGS_NAME = /^[A-Z0-9_]*(LDFLAGS|GCFLAGS|ASMFLAGS|BUILD_?FLAGS|GO_?FLAGS|TAGS)$/;

/** The subcommands that run nothing but the toolchain (compiler, assembler, linker, cgo's C compiler). */
const TOOLCHAIN_ONLY = new Set(['build', 'install']);

export const gd134: Rule = {
  code: 'GD134',
  name: 'go-flags-variable-not-read',
  summary: 'A variable of go flags (GO_LDFLAGS, BUILD_TAGS…) is set in the environment of go build, which never reads it',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'none',
  facts: ['goCommands'],
  scope: 'stage',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      for (const instr of stage.instructions) {
        for (const g of goCommands(instr)) {
          if (!TOOLCHAIN_ONLY.has(g.sub) || !direct(instr, g.cmd.start)) continue;
          const script = instr.script!;
          const words = script.text.slice(g.cmd.argv[0].start, g.cmd.end);
          if (/(^|\s)--?(toolexec|exec)(=|\s|$)/.test(words)) continue;
          if ((goflags(ctx.model, stage, g) ?? []).some((f) => /^--?(toolexec|exec)\b/.test(f))) continue;
          for (const a of g.cmd.env) {
            if (!GO_FLAGS_NAME.test(a.name) || a.name === 'GOFLAGS' || a.name.startsWith('CGO_')) continue;
            if (a.value.replace(/^(["'])(.*)\1$/s, '$2') === '' || readsVariable(words, a.name)) continue;
            const shown = script.text.slice(a.start, a.end);
            out.push({
              message: `\`${shown}\` puts ${a.name} in the environment of \`go ${g.sub}\`, but the go command never reads ${a.name}: its flags come from its command line and GOFLAGS (\`go help environment\` lists what it reads), so whatever ${a.name} holds is dropped without a warning. ${advice(a.name)}`,
              span: scriptSpan(script, a.start, a.end),
            });
          }
        }
      }
    }
    return out;
  },
};

/** What to write instead, by what the name says it holds. */
function advice(name: string): string {
  const ref = `"$${name}"`;
  if (/TAGS$/.test(name)) return `Pass the tags on the command: \`-tags ${ref}\`.`;
  for (const [suffix, flag] of [['LDFLAGS', '-ldflags'], ['GCFLAGS', '-gcflags'], ['ASMFLAGS', '-asmflags']] as const) {
    if (name.endsWith(suffix)) return `Pass them on the command: \`${flag} ${ref}\` for ${suffix === 'LDFLAGS' ? 'linker' : suffix === 'GCFLAGS' ? 'compiler' : 'assembler'} flags, and build flags such as -trimpath or -race as words of the command (or in GOFLAGS).`;
  }
  return `Pass them as words of the command (\`go build $${name} …\`) or in GOFLAGS, the one variable of flags go reads.`;
}

/**
 * The command at `start` is go itself, or `env … go`: not a wrapper program (`retry.sh … -- go
 * build`, `timeout 60 go build`) that might read the variable itself.
 */
function direct(instr: Instruction, start: number): boolean {
  const c = instr.script!.parsed.commands.find((x) => x.start === start);
  const name = c?.argv[0]?.value ?? '';
  return /(^|\/)(xx-)?go$/.test(name) || name === 'env';
}
