/**
 * The output type of a contract schema, for the few shapes @khien/contracts exports only as a schema.
 * Type-only: no zod code reaches the bundle through here.
 */
export type Infer<S extends { _output: unknown }> = S['_output'];

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Ok {
  ok: true;
}
