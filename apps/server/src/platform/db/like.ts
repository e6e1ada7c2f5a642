/**
 * LIKE patterns from what a person typed. `%` and `_` are wildcards to PostgreSQL, so a search
 * for "%" would match every row in scope and "50%" would not find "50%"; both are escaped with
 * backslash, LIKE's default escape character (the value is a bound parameter, so the backslash
 * reaches LIKE as it is). Every LIKE built from input goes through here; like.test.ts checks
 * the sources for one that does not.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Rows whose column contains `text` anywhere. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** Rows whose column starts with `text`. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}
