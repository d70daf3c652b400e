/**
 * The generator's one brace matcher (generate/goSource.ts closingBrace), read by the port,
 * address, asset, configuration-default and field-program readers. A brace or quote inside a
 * string, raw string, rune literal or comment is not Go syntax: it neither opens nor closes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closingBrace } from '../../server/src/generate/goSource';

/** The text between the first `{` and its closing brace. */
const body = (text: string) => {
  const open = text.indexOf('{');
  const close = closingBrace(text, open);
  return close < text.length ? text.slice(open + 1, close) : null;
};

describe('closingBrace', () => {
  it('skips strings, raw strings and nested literals', () => {
    assert.equal(body('s := &http.Server{Addr: ":8080", Handler: h{x: "}"}} // after'), 'Addr: ":8080", Handler: h{x: "}"}');
    assert.equal(body('T{a: `}{`, b: "\\"}"}'), 'a: `}{`, b: "\\"}"');
  });

  it('skips rune literals, which held a quote or a brace', () => {
    assert.equal(body("T{sep: '}', q: '\"', addr: \":80\"}"), "sep: '}', q: '\"', addr: \":80\"");
    assert.equal(body("T{a: '\\'', b: '{', c: '\\u00e9', d: '\\x7b'}"), "a: '\\'', b: '{', c: '\\u00e9', d: '\\x7b'");
  });

  it('skips line and block comments', () => {
    assert.equal(body('T{\n\t// the default port } is 80\n\tAddr: ":80", /* } */\n}'), '\n\t// the default port } is 80\n\tAddr: ":80", /* } */\n');
  });

  it('a brace that never closes gives the text length', () => {
    const text = 'T{a: "x",\n';
    assert.equal(closingBrace(text, 1), text.length);
    assert.equal(body('T{a: "}\n'), null, 'a string never closed ends at its line; the brace stays open');
  });
});
