import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, inet, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.tables.js';

/** The regulation pack in force below an org (a province chooses; the nearest choice up the tree wins). */
export const regulationChoices = pgTable('regulation_choices', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  packId: text('pack_id').notNull(),
  chosenBy: uuid('chosen_by'),
  chosenAt: timestamp('chosen_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An information system (hệ thống thông tin) with its security level and dossier. */
export const infoSystems = pgTable(
  'info_systems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // chủ quản: the owner, which decides who sees the system
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    operatorOrgId: uuid('operator_org_id').references(() => orgs.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    purpose: text('purpose').notNull().default(''),
    category: text('category').notNull(),
    userCount: integer('user_count'),
    userKinds: jsonb('user_kinds').$type<string[]>().notNull().default([]),
    dataKinds: jsonb('data_kinds').$type<string[]>().notNull().default([]),
    personalDataSubjects: integer('personal_data_subjects'),
    internetFacing: boolean('internet_facing').notNull().default(false),
    hosting: text('hosting').notNull().default('on_premise'),
    hostingProvider: text('hosting_provider'),
    notes: text('notes').notNull().default(''),
    // the latest classification, copied here for lists and counts
    packId: text('pack_id'),
    packVersion: text('pack_version'),
    proposedLevel: integer('proposed_level'),
    level: integer('level'),
    classifiedAt: timestamp('classified_at', { withTimezone: true }),
    dossierStatus: text('dossier_status').notNull().default('drafting'),
    submittedOn: date('submitted_on'),
    appraisedOn: date('appraised_on'),
    approvedOn: date('approved_on'),
    decisionNumber: text('decision_number'),
    appraisalDue: date('appraisal_due'),
    approvalDue: date('approval_due'),
    reassessDue: date('reassess_due'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('info_systems_org_id_idx').on(t.orgId),
    index('info_systems_level_idx').on(t.level, t.dossierStatus),
    index('info_systems_search_idx').on(t.searchText),
  ],
);

/** Every run of the level wizard, with the pack (and version) it used. */
export const systemClassifications = pgTable(
  'system_classifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: uuid('system_id')
      .notNull()
      .references(() => infoSystems.id, { onDelete: 'cascade' }),
    packId: text('pack_id').notNull(),
    packVersion: text('pack_version').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    proposedLevel: integer('proposed_level').notNull(),
    level: integer('level').notNull(),
    reasons: jsonb('reasons').$type<unknown[]>().notNull(),
    levelNote: text('level_note'),
    classifiedBy: uuid('classified_by'),
    classifiedAt: timestamp('classified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('system_classifications_system_idx').on(t.systemId, t.classifiedAt)],
);

export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    hostname: text('hostname'),
    location: text('location').notNull().default(''),
    ipAddresses: text('ip_addresses')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    macAddresses: text('mac_addresses')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    osName: text('os_name'),
    osVersion: text('os_version'),
    criticality: text('criticality').notNull().default('medium'),
    avProduct: text('av_product'),
    avLicensed: boolean('av_licensed'),
    avManaged: boolean('av_managed'),
    firewallOn: boolean('firewall_on'),
    lastPatchOn: date('last_patch_on'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    source: text('source').notNull().default('manual'),
    softwareCount: integer('software_count').notNull().default(0),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assets_org_id_idx').on(t.orgId, t.name),
    // the registry's order: walking it answers the first pages without sorting every asset
    index('assets_name_idx').on(sql`lower(${t.name})`, t.id),
    index('assets_kind_idx').on(t.kind),
    index('assets_search_idx').on(t.searchText),
    index('assets_ip_gin').using('gin', t.ipAddresses),
    // alert routing finds the machine a SIEM names by host name
    index('assets_hostname_idx').on(sql`lower(${t.hostname})`),
  ],
);

/**
 * Stable identity of an imported host, so a re-import updates instead of duplicating:
 * keys (hardware uuid, serial, agent id, hostname+MAC) are unique within the org the
 * import was made for.
 */
export const assetIdentities = pgTable(
  'asset_identities',
  {
    scopeOrgId: uuid('scope_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
  },
  // by key alone too: alert routing looks an agent up across the sender's whole subtree
  (t) => [primaryKey({ columns: [t.scopeOrgId, t.key] }), index('asset_identities_asset_idx').on(t.assetId), index('asset_identities_key_idx').on(t.key)],
);

export const assetSystems = pgTable(
  'asset_systems',
  {
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id')
      .notNull()
      .references(() => infoSystems.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.systemId] }), index('asset_systems_system_idx').on(t.systemId)],
);

/**
 * Installed software; replaced per (asset, source) by each snapshot import. No key of its own:
 * a row is only ever read as part of its asset, and 5 million rows would pay for a second index.
 */
export const assetSoftware = pgTable(
  'asset_software',
  {
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    vendor: text('vendor'),
    product: text('product').notNull(),
    version: text('version'),
    arch: text('arch'),
    cpe: text('cpe'),
    purl: text('purl'),
  },
  // one index only: every imported package pays for each index, 5 million rows at province scale
  (t) => [index('asset_software_asset_idx').on(t.assetId, t.source)],
);

/** Public IP space an org owns (single addresses are ranges of one). */
export const ipRanges = pgTable(
  'ip_ranges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    // as entered and normalised: a CIDR, or "first-last"
    range: text('range').notNull(),
    family: integer('family').notNull(),
    firstIp: inet('first_ip').notNull(),
    lastIp: inet('last_ip').notNull(),
    isp: text('isp').notNull().default(''),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ip_ranges_org_id_idx').on(t.orgId), index('ip_ranges_bounds_idx').on(t.family, t.firstIp, t.lastIp)],
);

/** A file import (CSV, XLSX, osquery, Wazuh) run as a job, with its progress and row errors. */
export const inventoryImports = pgTable(
  'inventory_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    format: text('format').notNull(),
    filename: text('filename').notNull(),
    // staged upload under the files folder; removed when the import ends
    stagedPath: text('staged_path'),
    onError: text('on_error').notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    status: text('status').notNull().default('queued'),
    phase: text('phase').notNull().default('queued'),
    bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull().default(0),
    bytesDone: bigint('bytes_done', { mode: 'number' }).notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsFailed: integer('rows_failed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    errors: jsonb('errors').$type<{ row: number; field: string | null; message: string }[]>().notNull().default([]),
    message: text('message'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    // moved every 20 s by the process running the import: a running import whose heartbeat
    // stopped belongs to a process that died, and is marked interrupted
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('inventory_imports_org_idx').on(t.orgId, t.createdAt)],
);
