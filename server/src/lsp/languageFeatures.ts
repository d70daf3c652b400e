/**
 * General Dockerfile features (completion, hover, formatting, symbols, folding, semantic
 * tokens) from dockerfile-language-service, registered only when the client asks for them
 * (`goDockerfile.languageFeatures`, resolved by the client). Its syntax diagnostics come from a
 * worker thread instead (syntaxCheck.ts).
 */
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import type { Connection, Hover, HoverParams, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { overLimit } from '../dockerfile/limits';

export const SEMANTIC_LEGEND = {
  tokenTypes: ['keyword', 'comment', 'parameter', 'property', 'namespace', 'class', 'macro', 'string', 'variable', 'operator', 'modifier'],
  tokenModifiers: ['declaration', 'definition', 'deprecated'],
};

export function languageFeatureCapabilities(): ServerCapabilities {
  return {
    completionProvider: { triggerCharacters: ['=', ' ', '$', '-'], resolveProvider: true },
    hoverProvider: true,
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
  };
}

export const SEMANTIC_TOKENS_MAX_LINES = 2000;

/**
 * `firstHover`: a hover that answers before the library's (null: let the library answer).
 * `settled`: resolves once our findings for the document's newest version are published.
 */
export function registerLanguageFeatures(connection: Connection, documents: TextDocuments<TextDocument>, log: (m: string) => void, firstHover?: (p: HoverParams) => Hover | null, settled: (uri: string) => Promise<void> = async () => {}): void {
  const service = DockerfileLanguageServiceFactory.createLanguageService();
  service.setLogger({ log });
  service.setCapabilities({ completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } } });
  // The library parses the whole text on every request: a text over the analysis limits
  // (a 5 MB line) would block the server for minutes, so it gets no features at all.
  const checked = new Map<string, { version: number; ok: boolean }>();
  const text = (uri: string): string | undefined => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    let c = checked.get(uri);
    if (c?.version !== doc.version) {
      c = { version: doc.version, ok: overLimit(doc.getText()) === null };
      checked.set(uri, c);
    }
    return c.ok ? doc.getText() : undefined;
  };
  documents.onDidClose((e) => checked.delete(e.document.uri));

  connection.onCompletion(async (p) => {
    const t = text(p.textDocument.uri);
    return t === undefined ? [] : await service.computeCompletionItems(t, p.position);
  });
  connection.onCompletionResolve((item) => service.resolveCompletionItem(item));
  connection.onHover((p) => {
    const ours = firstHover?.(p);
    if (ours) return ours;
    const t = text(p.textDocument.uri);
    return t === undefined ? null : service.computeHover(t, p.position);
  });
  connection.onDocumentFormatting((p) => {
    const t = text(p.textDocument.uri);
    return t === undefined ? [] : service.format(t, p.options);
  });
  connection.onDocumentRangeFormatting((p) => {
    const t = text(p.textDocument.uri);
    return t === undefined ? [] : service.formatRange(t, p.range, p.options);
  });
  connection.onDocumentSymbol((p) => {
    const t = text(p.textDocument.uri);
    return t === undefined ? [] : service.computeSymbols(p.textDocument, t);
  });
  connection.onFoldingRanges((p) => {
    const t = text(p.textDocument.uri);
    return t === undefined ? [] : service.computeFoldingRanges(t);
  });
  connection.languages.semanticTokens.on(async (p, token) => {
    // A whole-file pass the editor asks for after every edit: after our findings, and not at
    // all when a newer edit has cancelled the request meanwhile.
    await settled(p.textDocument.uri);
    if (token.isCancellationRequested) return { data: [] };
    const doc = documents.get(p.textDocument.uri);
    // The library's tokenizer is quadratic (about 1 s at 2,500 lines, 14 s at 10,000) and
    // would block diagnostics and fixes meanwhile: large files keep plain TextMate colours.
    if (!doc || doc.lineCount > SEMANTIC_TOKENS_MAX_LINES) return { data: [] };
    const t = text(p.textDocument.uri);
    return t === undefined ? { data: [] } : service.computeSemanticTokens(t);
  });
}
