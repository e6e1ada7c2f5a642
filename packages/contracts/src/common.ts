import { z } from 'zod';

export const IdSchema = z.uuid();
export const IdParamsSchema = z.object({ id: IdSchema }).strict();
export const OkSchema = z.object({ ok: z.literal(true) });

/** ISO timestamps travel as strings; the web formats them dd/MM/yyyy in Asia/Ho_Chi_Minh. */
export const TimestampSchema = z.string();

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
