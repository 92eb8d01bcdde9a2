// Pure decisions for occurrence search.

/**
 * A looser form of a search (websearch syntax: words, "phrases", or) that every entry matching the
 * search also matches: phrases become their words, in any order and place. It is asked of an
 * occurrence's search document, the words of all its entries together, to rule an occurrence out
 * without reading its timeline. A search that excludes a word (-word) has no such looser form over
 * the words of many entries, as another entry may hold the excluded word: undefined.
 */
export function looserTextQuery(q: string): string | undefined {
  const text = q.trim();
  if (!text || /(^|[\s"(])-[^\s-]/.test(text)) return undefined;
  return text.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
}
