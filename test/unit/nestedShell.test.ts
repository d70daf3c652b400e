/**
 * The commands of a `sh -c '…'` / `bash -c "…"` string are commands of the RUN (dockerfile/shell.ts
 * withNestedScripts; judge 29 miss M1, imgproxy/imgproxy eef3b31 docker/Dockerfile:8 `RUN bash -c
 * 'go build …'`), with offsets that point at their characters in the Dockerfile, and a fix that
 * would break such a string is not offered (edits/nestedScripts.ts, rules/analyze.ts).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { scriptSpan, type Instruction } from '../../server/src/dockerfile/model';
import { inNestedScript, parseShell } from '../../server/src/dockerfile/shell';
import { goCommands } from '../../server/src/dockerfile/facts';
import { commandCwd } from '../../server/src/facts/builtPackages';
import { applyEdits } from '../../server/src/edits/edits';
import { editsKeepNestedScripts } from '../../server/src/edits/nestedScripts';
import { applyFix, df, lint, ready, rng } from './helpers';

before(() => ready);

function run(line: string | string[]): { text: string; instr: Instruction } {
  const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', ...(Array.isArray(line) ? line : [line])]);
  const model = parseDockerfile(text);
  return { text, instr: model.instructions[3] };
}

/** Every command of the RUN as the document text at its offsets, nested ones marked `>`. */
function commandsAt(line: string | string[]): string[] {
  const { text, instr } = run(line);
  const script = instr.script!;
  return script.parsed.commands.map((c) => {
    // Each word's offsets point at its own text in the document.
    for (const w of c.argv) {
      const sp = scriptSpan(script, w.start, w.end);
      assert.equal(text.slice(sp.start, sp.end).replace(/\\\n/g, ''), w.raw);
    }
    const sp = scriptSpan(script, c.start, c.end);
    return (inNestedScript(script.parsed, c) ? '> ' : '') + text.slice(sp.start, sp.end);
  });
}

describe('commands of sh -c strings', () => {
  it('imgproxy/imgproxy eef3b31 docker/Dockerfile:8: bash -c \'go build …\' with a double-quoted -ldflags inside', () => {
    assert.deepEqual(commandsAt(`RUN bash -c 'go build -v -ldflags "-s -w" -o /opt/imgproxy/bin/imgproxy ./cli'`), [
      `bash -c 'go build -v -ldflags "-s -w" -o /opt/imgproxy/bin/imgproxy ./cli'`,
      '> go build -v -ldflags "-s -w" -o /opt/imgproxy/bin/imgproxy ./cli',
    ]);
  });

  it('sh -c "…", /bin/sh -c, bash -ec over continuation lines, bash -o pipefail -c, a prefix assignment', () => {
    assert.deepEqual(commandsAt('RUN sh -c "cd /src && go build -o /app ."'), ['sh -c "cd /src && go build -o /app ."', '> cd /src', '> go build -o /app .']);
    assert.deepEqual(commandsAt("RUN /bin/sh -c 'go mod download'"), ["/bin/sh -c 'go mod download'", '> go mod download']);
    assert.deepEqual(commandsAt(["RUN bash -ec 'go mod download && \\", "    go build -o /app ./cmd/app'"]), [
      "bash -ec 'go mod download && \\\n    go build -o /app ./cmd/app'", '> go mod download', '> go build -o /app ./cmd/app',
    ]);
    assert.deepEqual(commandsAt("RUN bash -o pipefail -c 'go build -o /app .' && echo done"), ["bash -o pipefail -c 'go build -o /app .'", '> go build -o /app .', 'echo done']);
    const { instr } = run("RUN CGO_ENABLED=0 sh -c 'go build -o /app .'");
    assert.deepEqual(instr.script!.parsed.commands[1].env.map((a) => `${a.name}=${a.value}`), ['CGO_ENABLED=0']);
  });

  it('a string with quotes of the other kind, and a string in a string', () => {
    assert.deepEqual(commandsAt(`RUN sh -c "echo 'a b' && go build -o /app ."`), [`sh -c "echo 'a b' && go build -o /app ."`, "> echo 'a b'", '> go build -o /app .']);
    assert.deepEqual(commandsAt(`RUN bash -c "sh -c 'go build -o /app .'"`), [`bash -c "sh -c 'go build -o /app .'"`, "> sh -c 'go build -o /app .'", '> go build -o /app .']);
  });

  it('a go command in a string runs where the `cd` before it in the string, or before the string, took it (m3db/m3 thriftgen.Dockerfile, wrapped)', () => {
    const cwd = (line: string) => {
      const model = parseDockerfile(run(line).text);
      const i = model.instructions[3];
      const [g] = goCommands(i).filter((x) => x.sub === 'install');
      assert.ok(g, line);
      return commandCwd(model, model.stages[0], g, null);
    };
    assert.equal(cwd("RUN sh -c 'cd /go/pkg/mod/github.com/uber/tchannel-go@v1.31.0 && go mod vendor && go install ./thrift/thrift-gen'"), '/go/pkg/mod/github.com/uber/tchannel-go@v1.31.0');
    assert.equal(cwd("RUN cd /tmp/x && bash -ec 'cd sub && go install ./cmd/y'"), '/tmp/x/sub');
    // A `cd` after the string, or in a command substitution, does not move it.
    assert.equal(cwd("RUN bash -c 'echo $(cd /elsewhere) && go install ./cmd/y' && cd /later"), '/src');
  });

  it('an exec-form RUN ["sh", "-c", "…"] without JSON escapes: its string is the script, offsets into the JSON string', () => {
    const { text, instr } = run('RUN ["sh", "-c", "go build -o /app ."]');
    assert.ok(instr.json);
    const script = instr.script!;
    assert.equal(script.text, 'go build -o /app .');
    const g = script.parsed.commands[0];
    const sp = scriptSpan(script, g.argv[3].start, g.argv[3].end);
    assert.equal(text.slice(sp.start, sp.end), '/app');
    assert.equal(text.slice(script.base + script.exec!.open, script.base + script.exec!.close + 1), '"go build -o /app ."');
    // A JSON escape would move every offset after it: not read.
    assert.equal(run('RUN ["sh", "-c", "go build -o \\"/app\\" ."]').instr.script, null);
    assert.equal(run('RUN ["go", "build", "-o", "/app", "."]').instr.script, null);
  });

  it('stays one word where the string is not the inner script character for character', () => {
    for (const line of [
      'RUN sh -c "$CMD"',
      'RUN sh -c "go build -o $OUT ."',
      'RUN sh -c "go build -o \\"/app\\" ."',
      "RUN sh -c 'go build '\"-o /app\"",
      'RUN sh -c go',
      "RUN sh ./build.sh 'go build .'",
      "RUN xargs sh -c 'go build .'",
      "RUN sh -c 'go build ( .'",
    ]) {
      const { instr } = run(line);
      assert.equal(instr.script!.parsed.nested, undefined, line);
      assert.ok(!instr.script!.parsed.commands.some((c) => c.argv[0]?.value === 'go'), line);
    }
    assert.ok(!lint(run('RUN sh -c "$CMD"').text).some((f) => f.code === 'GD107'));
  });

  it('on 400 generated scripts: each nested command is the inner script\'s own reading, moved to the string', () => {
    const WORDS = ['go', 'build', '-o', '/app', './cmd/app', '-ldflags', '"-s -w"', '-trimpath', 'CGO_ENABLED=0', 'apk', 'add', '--no-cache', 'git', 'cd', '/src', 'echo', '"a b"', 'make', 'all'];
    const SEPARATORS = [' ', ' ', ' && ', '; ', ' || ', ' | '];
    const next = rng(11);
    for (let k = 0; k < 400; k++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(next() * 7);
      for (let w = 0; w < count; w++) {
        parts.push(WORDS[Math.floor(next() * WORDS.length)]);
        if (w < count - 1) parts.push(SEPARATORS[Math.floor(next() * SEPARATORS.length)]);
      }
      const inner = parts.join('');
      const prefix = "echo x && bash -ec '";
      const outer = parseShell(`${prefix}${inner}' && echo y`);
      const own = parseShell(inner);
      const nested = outer.commands.filter((c) => inNestedScript(outer, c));
      // (A string that starts with `-` is an option to the shell, not its script.)
      if (own.hasErrors || own.commands.length === 0 || inner.startsWith('-')) {
        assert.equal(nested.length, 0, inner);
        continue;
      }
      assert.deepEqual(nested.map((c) => [c.start - prefix.length, c.end - prefix.length, c.argv.map((w) => [w.raw, w.value, w.start - prefix.length])]),
        own.commands.map((c) => [c.start, c.end, c.argv.map((w) => [w.raw, w.value, w.start])]), inner);
      assert.deepEqual(outer.commands.map((c) => c.argv[0].value).filter((n) => n === 'echo').length, 2 + own.commands.filter((c) => c.argv[0].value === 'echo').length);
    }
  });
});

describe('fixes on the commands of sh -c strings', () => {
  it('made inside a single-quoted string: the fixed file parses and no longer has the finding', () => {
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', "RUN bash -c 'go build -o /app .'", 'FROM scratch', 'COPY --from=build /app /app']);
    for (const code of ['GD108', 'GD110', 'GD107']) {
      const fixed = applyFix(text, code);
      const runLine = fixed.split('\n').find((l) => l.includes('bash -c'))!;
      const model = parseDockerfile(fixed);
      const instr = model.instructions.find((i) => i.keyword === 'RUN')!;
      // Still one single-quoted string that runs the go build.
      assert.deepEqual(instr.script!.parsed.nested?.length, 1, runLine);
      assert.ok(instr.script!.parsed.commands.some((c) => c.argv[0]?.value === 'go'), runLine);
    }
    assert.match(applyFix(text, 'GD110'), /bash -c 'go build -ldflags="-s -w" -o \/app \.'/);
  });

  it('CRLF: a fix inside the string keeps the line endings', () => {
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', "RUN bash -ec 'cd /src && \\", "    go build -o /app .'", 'FROM scratch', 'COPY --from=build /app /app'], '\r\n');
    assert.match(applyFix(text, 'GD108'), /go build -trimpath -o \/app \.'\r\n/);
  });

  it('not offered where the string cannot hold what it writes: `"` in "…", in an exec-form JSON string', () => {
    for (const line of ['RUN sh -c "go build -o /app ."', 'RUN ["sh", "-c", "go build -o /app ."]']) {
      const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', line, 'FROM scratch', 'COPY --from=build /app /app']);
      const found = lint(text);
      const gd110 = found.find((f) => f.code === 'GD110');
      assert.ok(gd110, line);
      assert.equal(gd110.fix, undefined, line);
      // -trimpath needs no quote: offered, and the result is still the same kind of string.
      const fixed = applyFix(text, 'GD108');
      assert.ok(fixed.includes(line.replace('go build', 'go build -trimpath')), fixed);
    }
  });

  it('GD121 inside a string: `X=${X} ` is written in \'…\' (the inner shell expands it), not in "…"', () => {
    const single = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', "RUN sh -c 'GOOS=linux; go build -o /app .'"]);
    assert.match(applyFix(single, 'GD121'), /sh -c 'GOOS=linux; GOOS=\$\{GOOS\} go build -o \/app \.'/);
    const double = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN sh -c "GOOS=linux; go build -o /app ."']);
    const f = lint(double).find((x) => x.code === 'GD121');
    assert.ok(f);
    assert.equal(f.fix, undefined);
  });

  it('the check itself: an edit that crosses a quote, or writes the quote, is refused; around or over the string is fine', () => {
    const { text } = run("RUN bash -c 'go build -o /app .' && echo ok");
    const model = parseDockerfile(text);
    const open = text.indexOf("'");
    const close = text.indexOf("'", open + 1);
    const ok = (start: number, end: number, newText: string) => editsKeepNestedScripts(model, [{ start, end, newText }]);
    assert.ok(ok(open + 1, open + 1, 'X=1 '));
    assert.ok(ok(close, close, ' -v'));
    assert.ok(ok(close, close, ' \\\n    && go vet'));
    assert.ok(!ok(close, close, " -ldflags '-s'"));
    assert.ok(!ok(open + 3, close + 2, ''));
    assert.ok(!ok(open, open + 3, 'go'));
    assert.ok(ok(open, open, 'A=1 '));
    assert.ok(ok(close + 1, close + 1, ' x'));
    assert.ok(ok(open, close + 1, '"go build"'));
    assert.ok(ok(close + 1, text.length, ''));
    const doubled = parseDockerfile(run('RUN sh -c "go build -o /app ."').text);
    const dq = doubled.text.indexOf('"');
    for (const bad of ['"', '$X', '\\', '`x`']) assert.ok(!editsKeepNestedScripts(doubled, [{ start: dq + 3, end: dq + 3, newText: bad }]), bad);
    assert.ok(editsKeepNestedScripts(doubled, [{ start: dq + 3, end: dq + 3, newText: "'a'" }]));
  });

  it('a fix applied to a file keeps the exec form valid JSON', () => {
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN ["sh", "-c", "go build -o /app ."]', 'FROM scratch', 'COPY --from=build /app /app']);
    const fixed = applyEdits(text, lint(text).find((f) => f.code === 'GD108')!.fix!.edits);
    const instr = parseDockerfile(fixed).instructions[3];
    assert.deepEqual(instr.json, ['sh', '-c', 'go build -trimpath -o /app .']);
  });
});
