/**
 * The required fields of a report still empty — absent, null, or blank text — in the order given,
 * so the form can highlight them and the server can refuse to submit. A report's fields come from
 * JSON, so only own keys count ("constructor" is not filled in by being inherited).
 */
export function missingFields(fields: Record<string, unknown>, required: readonly string[]): string[] {
  return required.filter((k) => {
    const v = Object.hasOwn(fields, k) ? fields[k] : undefined;
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  });
}
