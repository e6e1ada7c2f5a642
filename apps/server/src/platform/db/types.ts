import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL ltree: the org tree's materialised path, so subtree filters are one indexed `<@`. */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});

/** inet: addresses of who did what, compared and indexed as addresses, not strings. */
export const inet = customType<{ data: string }>({
  dataType() {
    return 'inet';
  },
});
