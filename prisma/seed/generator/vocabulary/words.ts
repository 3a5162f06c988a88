/** Word helpers shared by the templates and the slugs. */
export function withArticle(noun: string): string {
  return `${/^[aeiouAEIOU]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'vs',
  'with',
  'from',
]);
export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : capitalise(word)))
    .join(' ');
}

/** Lower-case ASCII kebab-case ("Dr. Ayşe Yılmaz" → "dr-ayse-yilmaz"), at most ~60 characters. */
export function kebab(text: string): string {
  const slug = text
    .replace(/[ıİ]/g, 'i')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60);
}
