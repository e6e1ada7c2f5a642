import { z } from 'zod';
import { IdSchema } from './common.js';

/** What the inventory adds up to: an org's summary and a province's overview by commune. */

const LEVEL_KEYS = ['1', '2', '3', '4', '5', 'none'] as const;
export const LevelCountsSchema = z.object(Object.fromEntries(LEVEL_KEYS.map((k) => [k, z.number().int()])) as Record<(typeof LEVEL_KEYS)[number], z.ZodNumber>);
export const InventorySummarySchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  packId: z.string(),
  systems: z.object({
    total: z.number().int(),
    byLevel: LevelCountsSchema,
    byDossier: z.record(z.string(), z.number().int()),
    reassessOverdue: z.number().int(),
    requirementsMet: z.number().int(),
    requirementsTotal: z.number().int(),
  }),
  assets: z.object({
    total: z.number().int(),
    byKind: z.record(z.string(), z.number().int()),
    noAntivirus: z.number().int(),
    firewallOff: z.number().int(),
    unpatched30d: z.number().int(),
    software: z.number().int(),
  }),
  ipRanges: z.object({ total: z.number().int(), overlapping: z.number().int() }),
});
export type InventorySummary = z.infer<typeof InventorySummarySchema>;

/** The province overview: one row per child org (commune) with its systems by level and dossier status. */
export const InventoryOverviewSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  totals: z.object({ byLevel: LevelCountsSchema, byDossier: z.record(z.string(), z.number().int()), systems: z.number().int(), assets: z.number().int() }),
  rows: z.array(
    z.object({
      orgId: IdSchema,
      orgName: z.string(),
      systems: z.number().int(),
      byLevel: LevelCountsSchema,
      byDossier: z.record(z.string(), z.number().int()),
      assets: z.number().int(),
    }),
  ),
});
export type InventoryOverview = z.infer<typeof InventoryOverviewSchema>;
export const OrgScopeQuerySchema = z.object({ orgId: IdSchema }).strict();
