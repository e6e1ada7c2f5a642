import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSerializerCompiler, jsonText } from './serializer.js';

const PageSchema = z.object({ items: z.array(z.object({ id: z.string(), n: z.number().int() })), total: z.number().int() });

async function appWith(verify: boolean, body: string) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler({ verify }));
  app.get('/plain', { schema: { response: { 200: PageSchema } } }, async () => ({ items: [{ id: 'a', n: 1, extra: 'dropped' }], total: 1 }));
  app.get('/text', { schema: { response: { 200: PageSchema } } }, async () => jsonText<z.infer<typeof PageSchema>>(body));
  return app;
}

describe('serializer', () => {
  it('encodes plain values through zod, which whitelists fields', async () => {
    const res = await (await appWith(true, '')).inject('/plain');
    expect(res.body).toBe('{"items":[{"id":"a","n":1}],"total":1}');
  });

  it('passes SQL-encoded bodies through when they are what zod would write', async () => {
    const body = '{"items":[{"id":"a","n":1}],"total":1}';
    const res = await (await appWith(true, body)).inject('/text');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body).toBe(body);
  });

  it.each([
    ['an extra field', '{"items":[{"id":"a","n":1,"x":2}],"total":1}'],
    ['fields out of order', '{"items":[{"n":1,"id":"a"}],"total":1}'],
    ['a wrong type', '{"items":[{"id":"a","n":"1"}],"total":1}'],
    ['other spacing', '{"items": [{"id":"a","n":1}],"total":1}'],
  ])('refuses, under test, a body with %s', async (_what, body) => {
    expect((await (await appWith(true, body)).inject('/text')).statusCode).toBe(500);
    expect((await (await appWith(false, body)).inject('/text')).body).toBe(body);
  });
});
