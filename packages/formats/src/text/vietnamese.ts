/**
 * Folds Vietnamese text for search: lower case, no tone or vowel marks, đ → d.
 * "Hà Nội" and "ha noi" fold to the same string, so diacritic-free queries
 * typed on a phone still find the official names.
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
