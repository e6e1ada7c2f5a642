import { z } from 'zod';
import { ResponseSerializationError, serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

/** A response body already encoded as JSON (by SQL on a hot path); the route's serializer passes it through. */
class JsonText {
  constructor(readonly json: string) {}
}

/**
 * Wraps JSON text so that a handler can return it where the route's schema type is expected.
 * The caller promises the text is what the zod schema would have produced; tests hold it to that
 * promise byte for byte (see createSerializerCompiler).
 */
export function jsonText<T>(json: string): T {
  return new JsonText(json) as T;
}

type SerializerCompiler = typeof zodSerializerCompiler;

/**
 * The zod serializer (it validates and whitelists every response) plus a pass-through for
 * jsonText bodies. With `verify` (tests), a passed-through body is decoded and re-encoded
 * through the route's zod schema and must come out byte-identical, so hand-written SQL that
 * drifts from the contract — a field added, renamed, reformatted or reordered — fails the tests.
 */
export function createSerializerCompiler(opts: { verify: boolean }): SerializerCompiler {
  return (routeSchema) => {
    const serialize = zodSerializerCompiler(routeSchema);
    const { method, url } = routeSchema;
    return (data: unknown) => {
      if (!(data instanceof JsonText)) return serialize(data);
      if (opts.verify) {
        const again = serialize(JSON.parse(data.json));
        if (again !== data.json) {
          const cause = new z.ZodError([
            { code: 'custom', path: [], message: `pre-serialised body differs from the schema's encoding:\n${data.json}\n${again}`, input: data.json },
          ]);
          throw new ResponseSerializationError(method, url, { cause });
        }
      }
      return data.json;
    };
  };
}
