import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expandVariables,
  isPlainReference,
  loneVariable,
  readsTargetPlatform,
  readsVariable,
  referencedNames,
  splitAtVariables,
  substituteVariables,
  targetPlatformReads,
  variableReferences,
} from '../../server/src/dockerfile/variables';

/** name, text and operator of each reference, in order. */
const refs = (text: string, opts?: Parameters<typeof variableReferences>[1]) =>
  variableReferences(text, opts).map((r) => [r.name, r.text, r.operator]);

describe('variableReferences: the one reading of $NAME / ${NAME…}', () => {
  test('plain forms, with where each one is', () => {
    const text = 'go build -X main.v=$VERSION ${OUT}/bin';
    const [v, out] = variableReferences(text);
    assert.deepEqual([v.name, text.slice(v.start, v.end), v.braced, v.operator], ['VERSION', '$VERSION', false, null]);
    assert.deepEqual([out.name, text.slice(out.start, out.end), out.braced, out.operator], ['OUT', '${OUT}', true, '']);
    // A name ends at the first character that cannot be in one.
    assert.deepEqual(refs('$A-$B_1.$C2'), [['A', '$A', null], ['B_1', '$B_1', null], ['C2', '$C2', null]]);
  });

  test('${a:-b}, ${a:+b} and the other operators: the operator, and the names the word reads too', () => {
    assert.deepEqual(refs('${a:-b}'), [['a', '${a:-b}', ':-']]);
    assert.deepEqual(refs('${a:+b}'), [['a', '${a:+b}', ':+']]);
    assert.deepEqual(refs('${a-b}${a+b}${a:?}${a=b}'), [['a', '${a-b}', '-'], ['a', '${a+b}', '+'], ['a', '${a:?}', ':?'], ['a', '${a=b}', '=']]);
    assert.deepEqual(refs('${V%%@*}${V#v}${V/a/b}'), [['V', '${V%%@*}', '%%'], ['V', '${V#v}', '#'], ['V', '${V/a/b}', '/']]);
    // Forms we do not read: the name is still read, the operator is unknown.
    assert.deepEqual(refs('${V:0:3} ${V^^}'), [['V', '${V:0:3}', null], ['V', '${V^^}', null]]);
    // A word that reads a variable: both are read.
    assert.deepEqual(refs('${a:-$b}'), [['a', '${a:-$b}', ':-'], ['b', '$b', null]]);
  });

  test('nested ${…}: the outer one ends at its own closing brace, the inner ones are read too', () => {
    const text = '${A:-${B:-$C}}/x';
    assert.deepEqual(refs(text), [['A', '${A:-${B:-$C}}', ':-'], ['B', '${B:-$C}', ':-'], ['C', '$C', null]]);
    // `\}` inside does not close it.
    assert.deepEqual(refs('${A:-a\\}b}'), [['A', '${A:-a\\}b}', ':-']]);
  });

  test('an unclosed ${ ends after its name, with no operator', () => {
    const [r] = variableReferences('x ${NAME:-y');
    assert.deepEqual([r.name, r.text, r.operator, r.braced], ['NAME', '${NAME', null, true]);
  });

  test('what is no variable of ours: ${#V}, ${!V}, $1, $@, $(…), a lone $', () => {
    assert.deepEqual(refs('${#V} ${!V} $1 ${1} $@ $* $(uname -m) $ $- `date`'), []);
  });

  test('$$ is the process id (shell) / the special parameter $ (BuildKit), not a $ before a name', () => {
    assert.deepEqual(referencedNames('echo $$NAME $${B} $$$C'), ['C']);
    assert.deepEqual(referencedNames('kill $$; echo $A'), ['A']);
    assert.equal(readsVariable('$$VERSION', 'VERSION'), false);
    // The expander agrees: the value is not known (a process id), never `$` and NAME's value.
    assert.equal(expandVariables('$$NAME', new Map([['NAME', 'x']])), null);
    assert.equal(expandVariables('a$$', new Map()), null);
  });

  test('escapes: \\$NAME is text, \\\\$NAME a backslash and a reference (Docker and the shell alike)', () => {
    assert.deepEqual(referencedNames('\\$A $B', { escapes: true }), ['B']);
    assert.deepEqual(referencedNames('\\\\$A', { escapes: true }), ['A']);
    assert.deepEqual(referencedNames('\\${A} \\\\${B}', { escapes: true }), ['B']);
    // A raw reading counts every `$`: a test of whether a text may use a name.
    assert.deepEqual(referencedNames('\\$A $B'), ['A', 'B']);
  });

  test('single quotes: a shell (RUN) and Docker\'s own substitution leave them as written; a raw reading does not look', () => {
    const run = `echo '$A' "$B" "it's $C" '"$D"' \\'$E\\'`;
    assert.deepEqual(referencedNames(run, { escapes: true, quotes: true }), ['B', 'C', 'E']);
    assert.deepEqual(referencedNames(run), ['A', 'B', 'C', 'D', 'E']);
    // Dockerfile-level substitution (ENV, COPY, FROM) expands what it is given: callers that
    // expand a value have dropped its quotes (or skip a quoted word) first.
    assert.equal(expandVariables('$A/$B', new Map([['A', 'a'], ['B', 'b']])), 'a/b');
  });
});

describe('the questions asked of it', () => {
  test('readsVariable: whole names only, every form', () => {
    assert.equal(readsVariable('x=${VERSION:-dev}', 'VERSION'), true);
    assert.equal(readsVariable('$VERSION_FULL', 'VERSION'), false);
    assert.equal(readsVariable('${VERSION}x', 'VERSION'), true);
    assert.equal(readsVariable('VERSION', 'VERSION'), false);
    assert.equal(readsVariable('$A $B', (n) => n === 'B'), true);
  });

  test('readsTargetPlatform and targetPlatformReads', () => {
    assert.equal(readsTargetPlatform('GOARCH=${TARGETARCH:-amd64}'), true);
    assert.equal(readsTargetPlatform('$TARGETARCHIVE $BUILDARCH'), false);
    assert.deepEqual(targetPlatformReads('bin/${TARGETOS}_$TARGETARCH/$BUILDOS'), ['TARGETOS', 'TARGETARCH']);
  });

  test('loneVariable: the whole text is $NAME or ${NAME} (quoted with `quoted`)', () => {
    assert.equal(loneVariable('$A'), 'A');
    assert.equal(loneVariable('${A}'), 'A');
    for (const t of ['${A:-x}', '$A/b', 'x$A', '${A', '"$A"', '$', '']) assert.equal(loneVariable(t), null, t);
    assert.equal(loneVariable('"$A"', true), 'A');
    assert.equal(loneVariable('"${A}"', true), 'A');
    assert.equal(loneVariable('"${A:-x}"', true), null);
  });

  test('substituteVariables and splitAtVariables: plain references replaced, other forms kept with what they read', () => {
    const values = new Map([['A', 'a'], ['B', 'b']]);
    const fill = (t: string) => substituteVariables(t, (r) => (isPlainReference(r) ? values.get(r.name) : undefined));
    assert.equal(fill('$A/${B}/$C'), 'a/b/$C');
    assert.equal(fill('${X:-$A}'), '${X:-a}');
    assert.equal(fill('no variable'), 'no variable');
    assert.deepEqual(splitAtVariables('bin/${OS}-$ARCH', isPlainReference), ['bin/', '-', '']);
    assert.deepEqual(splitAtVariables('x-${OS:-linux}', (r) => r.operator === ':-'), ['x-', '']);
  });

  test('every name expandVariables needs is a name the reader reads', () => {
    const texts = ['$A', '${A}', '${A:-$B}', '${A:+x$B}', 'x${A%%@*}y$B', '${A:-${B:-c}}', 'a$1b$A', '$(x)$A'];
    for (const text of texts) {
      const names = new Set(referencedNames(text));
      const all = new Map([...names].map((n) => [n, 'v']));
      assert.notEqual(expandVariables(text, all), null, text);
      // Without the first name read, a plain reference to it leaves the text unknown.
      if (loneVariable(text) !== null) assert.equal(expandVariables(text, new Map()), null, text);
    }
  });
});
