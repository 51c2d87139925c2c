import type { DocumentNode } from 'graphql';
import { LruMap } from '../lru-map.js';

/**
 * Parsed and validated documents by their exact text, at most `entriesMax`, least recently used
 * evicted first. Parsing and validation depend on the text alone (the variables are checked
 * afterwards, per operation), so every WebSocket operation sending the same text can share one
 * document: 10,000 subscribers of one dashboard query then hold one syntax tree instead of 10,000
 * (each kept its lexer tokens and locations, ~5 KB, for the subscription's whole life), and parse
 * and validate it once instead of 10,000 times. Documents are never mutated by graphql-js.
 * `entriesMax` is `socketDocumentCacheEntriesMax`; 0 keeps none.
 */
export class ValidatedDocuments extends LruMap<string, DocumentNode> {}
