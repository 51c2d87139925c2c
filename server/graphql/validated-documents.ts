import type { DocumentNode } from 'graphql';

/**
 * Parsed and validated documents by their exact text, at most `entriesMax`, least recently used
 * evicted first. Parsing and validation depend on the text alone (the variables are checked
 * afterwards, per operation), so every WebSocket operation sending the same text can share one
 * document: 10,000 subscribers of one dashboard query then hold one syntax tree instead of 10,000
 * (each kept its lexer tokens and locations, ~5 KB, for the subscription's whole life), and parse
 * and validate it once instead of 10,000 times. Documents are never mutated by graphql-js.
 */
export class ValidatedDocuments {
  private readonly documents = new Map<string, DocumentNode>();

  /** @param entriesMax most texts kept (`socketDocumentCacheEntriesMax`); 0 keeps none. */
  constructor(private readonly entriesMax: number) {}

  /** The document of `text` when it was parsed and validated before (and is still kept). */
  get(text: string): DocumentNode | undefined {
    const document = this.documents.get(text);
    if (document) {
      // Most recently used last: a Map keeps insertion order.
      this.documents.delete(text);
      this.documents.set(text, document);
    }
    return document;
  }

  /** Keeps the document of `text`, which passed parsing and validation, evicting the least recently used beyond `entriesMax`. */
  set(text: string, document: DocumentNode): void {
    if (this.entriesMax === 0) return;
    this.documents.delete(text);
    this.documents.set(text, document);
    if (this.documents.size > this.entriesMax) this.documents.delete(this.documents.keys().next().value!);
  }

  /** Texts kept (tests). */
  get size(): number {
    return this.documents.size;
  }
}
