import type { DutyOverride, DutyPerson, Rotation as RotationDto, Shift as ShiftDto } from '@khien/contracts';
import { changeParticipants, findRotationProblems, shiftsBetween, standaloneShifts, swapShifts, type Override, type Shift } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { authorize, type Actor } from '../../platform/policy.js';
import { getOrgRef } from '../orgs/index.js';
import {
  deleteOverrideRow,
  deleteRotationRow,
  findOverrides,
  findPeople,
  findRosterPeople,
  findRotations,
  getOverride,
  getRotation,
  insertOverrides,
  insertRotation,
  updateRotation,
  type OverrideRow,
  type PersonRow,
  type RotationRow,
} from './duty.repo.js';

const DAY = 86_400_000;
/** A calendar page spans at most two months: enough for a month view, bounded for a weak link. */
export const MAX_CALENDAR_DAYS = 62;

export async function visibleOrg(db: Db, actor: Actor, orgId: string, permission: 'duty:read' | 'duty:write') {
  const org = await getOrgRef(db, orgId);
  if (!org) throw domainError('NOT_FOUND', 'org_not_found', 'org not found');
  authorize(actor, permission, org.path);
  return org;
}

export const toPerson = (p: PersonRow | undefined, id: string): DutyPerson => ({
  userId: id,
  name: p?.full_name ?? '—',
  email: p?.email ?? null,
  phone: p?.phone ?? null,
});

function toRotationDto(r: RotationRow, orgName: string, people: Map<string, PersonRow>): RotationDto {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName,
    name: r.name,
    startsAt: r.startsAt.toISOString(),
    length: r.length,
    participants: r.participants.map((id) => toPerson(people.get(id), id)),
    window: r.window ?? null,
    endsAt: r.endsAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toOverrideDto(o: OverrideRow, people: Map<string, PersonRow>): DutyOverride {
  return {
    id: o.id!,
    orgId: o.orgId,
    rotationId: o.rotationId,
    start: o.start.toISOString(),
    end: o.end.toISOString(),
    userId: o.userId,
    userName: people.get(o.userId)?.full_name ?? '—',
    replacesUserId: o.replacesUserId,
    replacesUserName: o.replacesUserId ? (people.get(o.replacesUserId)?.full_name ?? '—') : null,
    reason: o.reason,
    createdAt: o.createdAt.toISOString(),
  };
}

export function toShiftDto(s: Shift, rotationName: string, people: Map<string, PersonRow>): ShiftDto {
  return {
    rotationId: s.rotationId || null,
    rotationName,
    index: s.index,
    start: s.start.toISOString(),
    end: s.end.toISOString(),
    userId: s.userId,
    userName: people.get(s.userId)?.full_name ?? '—',
    overridden: s.overridden,
    overrideId: s.overrideId,
    originalUserId: s.originalUserId,
    originalUserName: people.get(s.originalUserId)?.full_name ?? '—',
  };
}

/** Everyone named must be someone of that org (home org or a role on it) with an active account. */
async function assertRosterPeople(db: Db, orgId: string, ids: readonly string[]): Promise<void> {
  const allowed = new Set((await findRosterPeople(db, orgId)).map((p) => p.id));
  const strangers = [...new Set(ids)].filter((id) => !allowed.has(id));
  if (strangers.length) {
    throw domainError(
      'VALIDATION_FAILED',
      'duty_person_not_of_org',
      'a person named is not of this org or is disabled',
      { count: strangers.length },
      {
        userIds: strangers,
      },
    );
  }
}

export async function listRosterPeople(db: Db, actor: Actor, orgId: string): Promise<DutyPerson[]> {
  await visibleOrg(db, actor, orgId, 'duty:read');
  return (await findRosterPeople(db, orgId)).map((p) => toPerson(p, p.id));
}

export interface RotationInput {
  name: string;
  startsAt: string;
  length: RotationRow['length'];
  participantIds: string[];
  window?: RotationRow['window'] | null | undefined;
  endsAt?: string | null | undefined;
}

function checkRotation(r: RotationRow | Omit<RotationRow, 'id' | 'version' | 'createdAt'>): void {
  if (r.endsAt && r.endsAt <= r.startsAt) throw domainError('VALIDATION_FAILED', 'duty_end_before_start', 'the rotation ends before it starts');
  const problems = findRotationProblems({ ...r, id: 'new' });
  if (problems.length) throw domainError('VALIDATION_FAILED', 'duty_rotation_invalid', problems.join('; '), { problem: problems[0]! });
  // the same person twice in the order is allowed (a three-shift rota of two people), but never the whole list empty
  if (r.participants.length === 0) throw domainError('VALIDATION_FAILED', 'duty_no_participants', 'a rotation needs at least one person');
}

export async function createRotation(db: Db, actor: Actor, orgId: string, input: RotationInput, audit: AuditContext): Promise<RotationDto> {
  const org = await visibleOrg(db, actor, orgId, 'duty:write');
  const row = {
    orgId,
    name: input.name.trim(),
    startsAt: new Date(input.startsAt),
    length: input.length,
    participants: input.participantIds,
    ...(input.window ? { window: input.window } : {}),
    endsAt: input.endsAt ? new Date(input.endsAt) : null,
  };
  checkRotation(row);
  await assertRosterPeople(db, orgId, row.participants);
  const id = await db.transaction(async (tx) => {
    const newId = await insertRotation(tx, row, actor.userId);
    await recordAudit(tx, audit, {
      action: 'duty.rotation_created',
      entityType: 'duty_rotation',
      entityId: newId,
      orgId,
      orgPath: org.path,
      after: { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt?.toISOString() ?? null },
    });
    return newId;
  });
  return getRotationDto(db, id, org.name);
}

async function getRotationDto(db: Db, id: string, orgName: string): Promise<RotationDto> {
  const r = (await getRotation(db, id))!;
  return toRotationDto(r, orgName, await findPeople(db, r.participants));
}

async function writableRotation(db: Db, actor: Actor, id: string) {
  const r = await getRotation(db, id);
  if (!r) throw domainError('NOT_FOUND', 'rotation_not_found', 'rotation not found');
  const org = await getOrgRef(db, r.orgId);
  // unseen: 404 as if absent; seen but not the keeper: 403
  authorize(actor, 'duty:read', org!.path);
  authorize(actor, 'duty:write', org!.path);
  return { r, org: org! };
}

export async function patchRotation(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<RotationInput> & { version: number },
  audit: AuditContext,
): Promise<RotationDto> {
  const { r, org } = await writableRotation(db, actor, id);
  if (r.version !== patch.version) throw domainError('CONFLICT', 'stale_version', 'the rotation was changed meanwhile; reload', { version: r.version });
  const next: RotationRow = {
    ...r,
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.startsAt !== undefined ? { startsAt: new Date(patch.startsAt) } : {}),
    ...(patch.length !== undefined ? { length: patch.length } : {}),
    ...(patch.participantIds !== undefined ? { participants: patch.participantIds } : {}),
    ...(patch.endsAt !== undefined ? { endsAt: patch.endsAt ? new Date(patch.endsAt) : null } : {}),
  };
  if (patch.window !== undefined) {
    if (patch.window) next.window = patch.window;
    else delete next.window;
  }
  checkRotation(next);
  if (patch.participantIds) await assertRosterPeople(db, r.orgId, next.participants);
  const now = new Date();
  const onlyPeople = patch.startsAt === undefined && patch.length === undefined;
  if (patch.participantIds && onlyPeople && r.startsAt < now) return handOver(db, actor, r, next, org, now, audit);
  await db.transaction(async (tx) => {
    if (!(await updateRotation(tx, next, patch.version))) throw domainError('CONFLICT', 'stale_version', 'the rotation was changed meanwhile; reload');
    await recordAudit(tx, audit, {
      action: 'duty.rotation_updated',
      entityType: 'duty_rotation',
      entityId: id,
      orgId: r.orgId,
      orgPath: org.path,
      before: { participants: r.participants, startsAt: r.startsAt.toISOString(), length: r.length },
      after: { participants: next.participants, startsAt: next.startsAt.toISOString(), length: next.length },
    });
  });
  return getRotationDto(db, id, org.name);
}

/**
 * New people on a rotation that is already running: editing the list in place would re-deal every
 * shift since the first, so the rotation ends at its next handover and a successor starts there,
 * beginning with whoever was due then (formats' changeParticipants). Nobody is skipped.
 */
async function handOver(
  db: Db,
  actor: Actor,
  r: RotationRow,
  next: RotationRow,
  org: { name: string; path: string },
  now: Date,
  audit: AuditContext,
): Promise<RotationDto> {
  let change;
  try {
    change = changeParticipants({
      rotation: { ...r, name: next.name, ...(next.window ? { window: next.window } : {}) },
      participants: next.participants,
      at: now,
      newId: 'next',
    });
  } catch {
    throw domainError('VALIDATION_FAILED', 'duty_rotation_ended', 'the rotation ends before its next handover');
  }
  const id = await db.transaction(async (tx) => {
    if (!(await updateRotation(tx, { ...r, endsAt: change.ended.endsAt ?? null }, r.version))) {
      throw domainError('CONFLICT', 'stale_version', 'the rotation was changed meanwhile; reload');
    }
    const newId = await insertRotation(tx, { ...change.next, orgId: r.orgId, name: next.name, endsAt: next.endsAt ?? null }, actor.userId);
    await recordAudit(tx, audit, {
      action: 'duty.rotation_updated',
      entityType: 'duty_rotation',
      entityId: r.id,
      orgId: r.orgId,
      orgPath: org.path,
      before: { participants: r.participants },
      after: { participants: change.next.participants, handoverAt: change.handoverAt.toISOString(), continuedAs: newId },
    });
    return newId;
  });
  return getRotationDto(db, id, org.name);
}

export async function deleteRotation(db: Db, actor: Actor, id: string, audit: AuditContext): Promise<void> {
  const { r, org } = await writableRotation(db, actor, id);
  await db.transaction(async (tx) => {
    await deleteRotationRow(tx, id);
    await recordAudit(tx, audit, {
      action: 'duty.rotation_deleted',
      entityType: 'duty_rotation',
      entityId: id,
      orgId: r.orgId,
      orgPath: org.path,
      before: { name: r.name },
    });
  });
}

export interface OverrideInput {
  rotationId?: string | null | undefined;
  start: string;
  end: string;
  userId: string;
  replacesUserId?: string | null | undefined;
  reason: string;
}

export async function createOverride(db: Db, actor: Actor, orgId: string, input: OverrideInput, audit: AuditContext): Promise<DutyOverride> {
  const org = await visibleOrg(db, actor, orgId, 'duty:write');
  const start = new Date(input.start);
  const end = new Date(input.end);
  if (end <= start) throw domainError('VALIDATION_FAILED', 'duty_end_before_start', 'the override ends before it starts');
  if (end.getTime() - start.getTime() > 400 * DAY) throw domainError('VALIDATION_FAILED', 'duty_override_too_long', 'an override lasts at most 400 days');
  if (input.rotationId) {
    const r = await getRotation(db, input.rotationId);
    if (!r || r.orgId !== orgId) throw domainError('NOT_FOUND', 'rotation_not_found', 'rotation not found');
  }
  await assertRosterPeople(db, orgId, [input.userId]);
  const row = {
    orgId,
    rotationId: input.rotationId ?? null,
    start,
    end,
    userId: input.userId,
    replacesUserId: input.replacesUserId ?? null,
    reason: input.reason,
  };
  const [id] = await db.transaction(async (tx) => {
    const ids = await insertOverrides(tx, [row], actor.userId);
    await recordAudit(tx, audit, {
      action: 'duty.override_created',
      entityType: 'duty_override',
      entityId: ids[0]!,
      orgId,
      orgPath: org.path,
      after: { ...row, start: input.start, end: input.end },
    });
    return ids;
  });
  const o = (await getOverride(db, id!))!;
  return toOverrideDto(o, await findPeople(db, [o.userId, o.replacesUserId ?? o.userId]));
}

export async function deleteOverride(db: Db, actor: Actor, id: string, audit: AuditContext): Promise<void> {
  const o = await getOverride(db, id);
  if (!o) throw domainError('NOT_FOUND', 'override_not_found', 'override not found');
  const org = (await getOrgRef(db, o.orgId))!;
  authorize(actor, 'duty:read', org.path);
  authorize(actor, 'duty:write', org.path);
  await db.transaction(async (tx) => {
    await deleteOverrideRow(tx, id);
    await recordAudit(tx, audit, {
      action: 'duty.override_deleted',
      entityType: 'duty_override',
      entityId: id,
      orgId: o.orgId,
      orgPath: org.path,
      before: { userId: o.userId },
    });
  });
}

/** Two shifts trade people: stored as two overrides, so they show and undo like any other. */
export async function swapRotationShifts(
  db: Db,
  actor: Actor,
  rotationId: string,
  input: { shiftA: number; shiftB: number; reason: string },
  audit: AuditContext,
): Promise<DutyOverride[]> {
  const { r, org } = await writableRotation(db, actor, rotationId);
  if (input.shiftA === input.shiftB) throw domainError('VALIDATION_FAILED', 'duty_swap_same_shift', 'a shift cannot be swapped with itself');
  let pair: Override[];
  try {
    pair = swapShifts(r, input.shiftA, input.shiftB, 'swap');
  } catch {
    throw domainError('VALIDATION_FAILED', 'duty_swap_no_shift', 'the rotation has no such shift', { shiftA: input.shiftA, shiftB: input.shiftB });
  }
  if (pair.length === 0) throw domainError('VALIDATION_FAILED', 'duty_swap_same_person', 'both shifts belong to the same person');
  const rows = pair.map((o: Override) => ({ ...o, orgId: r.orgId, rotationId: r.id, reason: input.reason || 'Đổi ca' }));
  const ids = await db.transaction(async (tx) => {
    const out = await insertOverrides(tx, rows, actor.userId);
    await recordAudit(tx, audit, {
      action: 'duty.shifts_swapped',
      entityType: 'duty_rotation',
      entityId: r.id,
      orgId: r.orgId,
      orgPath: org.path,
      after: { shiftA: input.shiftA, shiftB: input.shiftB },
    });
    return out;
  });
  const saved = await Promise.all(ids.map((id) => getOverride(db, id)));
  const people = await findPeople(
    db,
    saved.flatMap((o) => [o!.userId, o!.replacesUserId ?? o!.userId]),
  );
  return saved.map((o) => toOverrideDto(o!, people));
}

/**
 * An org's shifts over [from, to), overrides applied, earliest first: its rotations' shifts and
 * the people put on duty outside any rotation (an imported roster), with the rows they came from.
 */
export async function orgShifts(db: Db, orgId: string, from: Date, to: Date): Promise<{ rotations: RotationRow[]; overrides: OverrideRow[]; shifts: Shift[] }> {
  const rotations = await findRotations(db, [orgId]);
  const overrides = await findOverrides(db, [orgId], from, to);
  const shifts = [
    ...rotations.flatMap((r) =>
      shiftsBetween(
        r,
        from,
        to,
        overrides.filter((o) => o.rotationId === r.id || o.rotationId === null),
      ),
    ),
    ...standaloneShifts(overrides, from, to),
  ].sort((a, b) => a.start.getTime() - b.start.getTime());
  return { rotations, overrides, shifts };
}

export async function dutyCalendar(db: Db, actor: Actor, orgId: string, from: Date, to: Date) {
  const org = await visibleOrg(db, actor, orgId, 'duty:read');
  if (to <= from) throw domainError('VALIDATION_FAILED', 'duty_range_empty', 'the range ends before it starts');
  if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * DAY) {
    throw domainError('VALIDATION_FAILED', 'duty_range_too_long', `at most ${MAX_CALENDAR_DAYS} days at a time`, { days: MAX_CALENDAR_DAYS });
  }
  const { rotations, overrides, shifts: all } = await orgShifts(db, orgId, from, to);
  const names = new Map(rotations.map((r) => [r.id, r.name]));
  const shifts = all.map((s) => ({ s, name: names.get(s.rotationId) ?? '' }));
  const people = await findPeople(db, [
    ...rotations.flatMap((r) => r.participants),
    ...overrides.flatMap((o) => [o.userId, o.replacesUserId ?? o.userId]),
    ...shifts.flatMap(({ s }) => [s.userId, s.originalUserId]),
  ]);
  return {
    orgId,
    rotations: rotations.map((r) => toRotationDto(r, org.name, people)),
    overrides: overrides.map((o) => toOverrideDto(o, people)),
    shifts: shifts.map(({ s, name }) => toShiftDto(s, name, people)),
  };
}
