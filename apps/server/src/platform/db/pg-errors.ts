/** The constraint name when `err` is a unique violation (23505) from either engine, else null. */
export function uniqueViolation(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { code?: unknown; constraint?: unknown };
    if (x.code === '23505') return typeof x.constraint === 'string' ? x.constraint : '';
  }
  return null;
}
