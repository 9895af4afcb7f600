// Diacritics (combining marks U+0300..U+036F after decomposition) are dropped so that "naïve"
// matches "naive" and "Müller" matches "Muller", as Lucene's ASCII folding does for Latin text.
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\u0000-\u007f]/;

/** Lowercases, applies Unicode compatibility normalization (NFKC) and folds Latin diacritics. */
export function normalizeText(text: string): string {
  // ASCII text is already in NFKC: skip the two normalization passes for the common case.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  // NFKD + strip marks + NFC is NFKC without the diacritics; NFC recomposes Hangul. Lowercasing
  // in between catches both compatibility capitals ("Ⅻ" -> "XII") and the dot that
  // lowercasing "İ" leaves behind.
  return text.normalize('NFKD').toLowerCase().replace(COMBINING_DIACRITICS, '').normalize('NFC');
}
