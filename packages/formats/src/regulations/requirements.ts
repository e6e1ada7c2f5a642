import type { PackRequirement, PackRequirementGroup } from './types.js';

/**
 * The baseline requirements a system of this level must meet, grouped as in the pack; groups with
 * nothing at this level are left out. Requirements keep their pack ids, which checklists store.
 */
export function requirementsForLevel<G extends PackRequirementGroup>(pack: { requirementGroups: readonly G[] }, level: number): G[] {
  const out: G[] = [];
  for (const g of pack.requirementGroups) {
    const requirements = g.requirements.filter((r: PackRequirement) => r.levels.includes(level));
    if (requirements.length > 0) out.push({ ...g, requirements });
  }
  return out;
}

/** Requirement ids that apply at no level: always a mistake in a pack. */
export function findOrphanRequirements(pack: { requirementGroups: readonly PackRequirementGroup[] }): string[] {
  return pack.requirementGroups.flatMap((g) => g.requirements.filter((r) => !r.levels.some((l) => l >= 1 && l <= 5)).map((r) => r.id));
}
