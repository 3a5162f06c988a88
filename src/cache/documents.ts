import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Parsed documents (and parse errors) kept, in bytes of their source text; see below. */
export const DOCUMENT_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * Yoga keeps every parsed document (and every parse error) by its source text, 1,024 of each by
 * default whatever their size: up to 1,024 bodies of 256 KiB (comments and whitespace are not
 * tokens, so the token limit does not bound the text) plus their syntax trees. These caches are
 * bounded in bytes instead. A document's weight is its text plus an estimate of its syntax tree
 * (about 350 bytes of heap per token, measured on the question page); parse errors weigh their
 * text. Validation results are kept per parsed document (a WeakMap), so they go with them.
 */
export function documentCaches(maxBytes = DOCUMENT_CACHE_BYTES) {
  const documentCache = new LRUCache<string, DocumentNode>({
    maxSize: maxBytes,
    sizeCalculation: (document, source) => source.length + 350 * tokenCount(document),
  });
  const errorCache = new LRUCache<string, object>({
    maxSize: maxBytes / 4,
    sizeCalculation: (_error, source) => source.length + 256,
  });
  return { documentCache, errorCache };
}

/** Tokens of a parsed document, by walking its token list (graphql-js links them). */
function tokenCount(document: DocumentNode): number {
  let count = 1; // a document parsed without locations still weighs something
  for (let token = document.loc?.startToken ?? null; token; token = token.next) count += 1;
  return count;
}
