/**
 * The import rules of the code base (`npm run check:arch`, part of `npm test`). The layers, from
 * the bottom: images, bytes, arrays -> dockerfile, workspace -> edits -> facts -> rules, layers, generate
 * -> fixes, analysis -> driver, measure -> lsp, cli. A folder imports only its own layer and
 * the ones below; nothing imports in a cycle; only the drivers (and the readers at the bottom:
 * the workspace loader, the shell parser's wasm) touch the file system, and nothing below the
 * drivers reaches the loader even through another module; `vscode` only in client/.
 * measure/ runs a builder (a driver); its plain types and text hash are all the layers below use.
 * DESIGN.md explains the layers.
 */
const S = '^server/src/';
/** Folders (or files) above a layer, which that layer must not import. */
const above = {
  base: ['dockerfile', 'workspace', 'edits', 'facts', 'rules', 'layers', 'generate', 'fixes', 'analysis', 'driver', 'lsp', 'cli'],
  model: ['edits', 'facts', 'rules', 'layers', 'generate', 'fixes', 'analysis', 'driver', 'lsp', 'cli'],
  edits: ['facts', 'rules', 'layers', 'generate', 'fixes', 'analysis', 'driver', 'lsp', 'cli'],
  facts: ['rules', 'layers', 'generate', 'fixes', 'analysis', 'driver', 'lsp', 'cli'],
  analyses: ['fixes', 'analysis', 'driver', 'lsp', 'cli'],
  core: ['driver', 'lsp', 'cli'],
  driver: ['lsp', 'cli'],
};
/** The readers of user files at the bottom: the workspace loader, its safe reader, build-context resolution. */
const DISK_READERS = `${S}workspace/(load|safeRead|context)\\.ts$`;
/** ...and the shell parser, which reads its own wasm (never a user file): everything parses shell. */
const FS_IMPORTERS = [DISK_READERS, `${S}dockerfile/shell\\.ts$`];
const re = (names) => `${S}(${names.join('|')})([./]|$)`;
const layer = (name, from, to) => ({
  name: `layer-${name}`,
  severity: 'error',
  comment: `${from.join(', ')} must not import ${to.join(', ')} (a higher layer; see DESIGN.md)`,
  from: { path: re(from) },
  to: { path: re(to) },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make a layer depend on itself through another one.',
      from: {},
      to: { circular: true },
    },
    layer('base', ['images', 'bytes', 'arrays'], above.base),
    layer('model', ['dockerfile', 'workspace'], above.model),
    layer('edits', ['edits'], above.edits),
    layer('facts', ['facts'], above.facts),
    layer('analyses', ['rules', 'layers', 'generate'], above.analyses),
    layer('core', ['fixes', 'analysis'], above.core),
    layer('driver', ['driver', 'measure'], above.driver),
    {
      name: 'measure-is-a-driver',
      severity: 'error',
      comment: 'measure/ runs a builder: below the drivers only its plain types (types.ts) and the text hash (hash.ts) are used.',
      from: { path: re(['images', 'bytes', 'arrays', 'dockerfile', 'workspace', 'edits', 'facts', 'rules', 'layers', 'generate', 'fixes', 'analysis']) },
      to: { path: `${S}measure/`, pathNot: `${S}measure/(types|hash)\\.ts$` },
    },
    {
      name: 'no-rule-imports-rule',
      severity: 'error',
      comment: 'A rule never imports another rule: what two rules share lives in facts/ or edits/.',
      from: { path: `${S}rules/gd[0-9]+-` },
      to: { path: `${S}rules/gd[0-9]+-` },
    },
    {
      name: 'rules-layers-generate-apart',
      severity: 'error',
      comment: 'rules, layers and generate are siblings over facts/: the .dockerignore generator is the one thing rules use from generate/.',
      from: { path: `${S}(rules|layers|generate)/` },
      to: { path: `${S}(rules|layers|generate)/`, pathNot: [`${S}$1/`, `${S}generate/dockerignore\\.ts$`] },
    },
    {
      name: 'no-fs-below-drivers',
      severity: 'error',
      comment: 'Rules, facts, fixes, edits, the layer model and the generator read files through their inputs (the context object), never from disk; in dockerfile/ and workspace/ only the named readers touch it.',
      from: { path: [re(['images', 'bytes', 'arrays', 'dockerfile', 'workspace', 'edits', 'facts', 'rules', 'layers', 'generate', 'fixes', 'analysis']), `${S}protocol\\.ts$`], pathNot: FS_IMPORTERS },
      to: { path: '^(node:)?(fs|child_process)(/promises)?$' },
    },
    {
      name: 'no-disk-reader-reachable-below-drivers',
      severity: 'error',
      comment: 'Not through another module either: nothing below the drivers reaches the workspace loader, a safe reader or a driver (import the types from workspace/types.ts).',
      from: { path: [re(['images', 'bytes', 'arrays', 'edits', 'facts', 'rules', 'layers', 'generate', 'fixes', 'analysis']), `${S}protocol\\.ts$`] },
      to: { path: [DISK_READERS, re(['driver', 'lsp', 'cli']), `${S}measure/run\\.ts$`], reachable: true },
    },
    {
      name: 'no-vscode-outside-client',
      severity: 'error',
      comment: 'The server and its core run without an editor.',
      from: { pathNot: '^client/' },
      to: { path: ['^vscode$', '(^|/)node_modules/(@types/)?vscode/'] },
    },
    {
      name: 'client-not-into-server-core',
      severity: 'error',
      comment: 'The client shares only the protocol module with the server.',
      from: { path: '^client/' },
      to: { path: '^server/', pathNot: '^server/src/protocol\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist/' },
  },
};
