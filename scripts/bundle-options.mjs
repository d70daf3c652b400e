// esbuild options of the bundles node runs, shared by esbuild.mjs and the analysis benchmark
// (bench/analysis.bench.mjs), which measures the analysis as the server and the CLI ship it.

/** Every bundle node loads. */
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
};

/**
 * The language server's and the CLI's code. Whitespace and syntax minified (names kept, for
 * readable stack traces): every start reads it. No `module` condition: vscode-languageserver-types'
 * CommonJS build, as node itself would load it. Its ES module build is copied export by export
 * (__toCommonJS) at each of the 12 places dockerfile-ast requires it, on every start.
 */
export const serverCode = {
  minifyWhitespace: true,
  minifySyntax: true,
  conditions: [],
};
