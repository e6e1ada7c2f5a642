import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { dossierDeadlines, findOrphanRequirements, proposeLevel, requirementsForLevel, validateAnswers } from '@khien/formats';
import type { RegulationPack } from '@khien/contracts';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  DEFAULT_REGULATIONS_DIR,
  RegulationPackError,
  clearRegulationPackCache,
  getRegulationPack,
  listRegulationPacks,
  loadRegulationPacks,
  lookupRegulationPack,
  regulationsDir,
} from './regulations.js';

const tmpDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-packs-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});
beforeEach(() => clearRegulationPackCache());

function shippedJson(id: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(DEFAULT_REGULATIONS_DIR, `${id}.json`), 'utf8')) as Record<string, unknown>;
}

/** A copy of a shipped pack, broken by `mutate`, alone in a temp folder. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into the raw JSON to break it
function brokenCopy(id: string, mutate: (pack: any) => void, fileName = `${id}.json`): string {
  const dir = tempDir();
  const pack = shippedJson(id);
  mutate(pack);
  fs.writeFileSync(path.join(dir, fileName), JSON.stringify(pack, null, 2));
  return dir;
}

function expectPackError(dir: string, file: string, jsonPath: string): void {
  try {
    loadRegulationPacks(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(RegulationPackError);
    const e = err as RegulationPackError;
    expect(e.file).toBe(path.join(dir, file));
    expect(e.jsonPath).toBe(jsonPath);
    expect(e.message).toContain(file);
    expect(e.message).toContain(jsonPath);
    return;
  }
  throw new Error('expected the pack to be refused');
}

const ND85 = 'vn-nd85-2016';
const ND331 = 'vn-nd331-2026';

describe('shipped regulation packs', () => {
  it('load and validate', () => {
    const packs = loadRegulationPacks();
    expect(packs.map((p) => p.id)).toEqual([ND331, ND85]);
    expect(listRegulationPacks()).toEqual(packs);
    expect(getRegulationPack(ND331).supersedes).toBe(ND85);
    expect(getRegulationPack(ND85, '1.0.0').version).toBe('1.0.0');
  });

  it.each([ND85, ND331])('%s: every requirement applies at some level, and every level has requirements', (id) => {
    const pack = getRegulationPack(id);
    expect(findOrphanRequirements(pack)).toEqual([]);
    for (const level of [1, 2, 3, 4, 5]) expect(requirementsForLevel(pack, level).length).toBeGreaterThan(0);
    const count = pack.requirementGroups.reduce((n, g) => n + g.requirements.length, 0);
    expect(count).toBeGreaterThanOrEqual(40);
    expect(count).toBeLessThanOrEqual(80);
  });

  it.each([ND85, ND331])('%s: a commune portal with level-3 online public services and 20,000 people’s data is level 3', (id) => {
    const pack = getRegulationPack(id);
    const answers = {
      internal_public_only: false,
      state_secrets: 'none',
      online_public_service: 'level_3_4',
      online_services: ['none'],
      personal_data_subjects: 20_000,
      infrastructure_scope: 'none',
      national_system: 'none',
    };
    expect(validateAnswers(pack, answers)).toEqual([]);
    const p = proposeLevel(pack, answers);
    expect(p.level).toBe(3);
    expect(p.reasons.some((r) => r.questionId === 'online_public_service' && r.minLevel === 3)).toBe(true);
  });

  it('handling administrative procedures is level 3 under Decree 331 but can stay level 2 under Decree 85', () => {
    // a commune's one-stop-shop software: dossiers of 3,000 people, procedure information and forms online
    const answers = { internal_public_only: false, admin_procedures: true, online_public_service: 'level_1_2', personal_data_subjects: 3_000 };
    const nd85 = proposeLevel(getRegulationPack(ND85), answers);
    const nd331 = proposeLevel(getRegulationPack(ND331), answers);
    expect(nd85.level).toBe(2);
    expect(nd331.level).toBe(3);
    expect(nd331.reasons.find((r) => r.questionId === 'admin_procedures')).toMatchObject({ minLevel: 3, mark: 'R' });
  });

  it('Decree 331 thresholds: 100,000 basic or 10,000 sensitive subjects make level 3', () => {
    const pack = getRegulationPack(ND331);
    expect(proposeLevel(pack, { personal_data_subjects: 99_999 }).level).toBe(2);
    expect(proposeLevel(pack, { personal_data_subjects: 100_000 }).level).toBe(3);
    expect(proposeLevel(pack, { personal_data_subjects: 50_000, sensitive_data_subjects: 10_000 }).level).toBe(3);
    // under Decree 85 the line is 10,000 users, whatever the kind of data
    expect(proposeLevel(getRegulationPack(ND85), { personal_data_subjects: 50_000 }).level).toBe(3);
  });

  it('an internal system with public information only is level 1', () => {
    for (const id of [ND85, ND331]) expect(proposeLevel(getRegulationPack(id), { internal_public_only: true, personal_data_subjects: 0 }).level).toBe(1);
  });

  it('Decree 331 carries the reported deadlines, log retention and level-3 groups', () => {
    const pack = getRegulationPack(ND331);
    expect(pack.levels.map((l) => l.logRetentionMonths)).toEqual([null, 1, 3, 6, 12]);
    expect(pack.incidentReporting).toMatchObject({ initialNoticeHours: 24, fullReportHours: 72, mark: 'R' });
    expect(pack.annualReport?.due).toBe('12-25');
    const d = dossierDeadlines(pack, 3, '2026-09-01');
    expect([d.invalidReturn.dueOn, d.appraisal.dueOn, d.approval.dueOn]).toEqual(['2026-09-08', '2026-09-22', '2026-10-01']);
    expect(dossierDeadlines(pack, 5, '2026-09-01').appraisal.workingDays).toBe(25);
    const groupsAt = (level: number) => requirementsForLevel(pack, level).map((g) => g.id);
    expect(groupsAt(2)).toHaveLength(15);
    expect(groupsAt(3)).toEqual(expect.arrayContaining(['monitoring', 'secure_development', 'security_testing']));
    expect(groupsAt(2)).not.toContain('monitoring');
  });

  it('Decree 85 carries the confirmed level-4 limits and the 5-day incident report', () => {
    const pack = getRegulationPack(ND85);
    const d = dossierDeadlines(pack, 4, '2026-03-02');
    expect(d.appraisal).toMatchObject({ calendarDays: 30, dueOn: '2026-04-01', mark: 'V' });
    expect(d.approval).toMatchObject({ workingDays: 7, dueOn: '2026-04-10', mark: 'V' });
    expect(pack.levels[4]?.approval.by.vi).toBe('Thủ tướng Chính phủ');
    expect(pack.incidentReporting).toMatchObject({ deadlineDays: 5, mark: 'V' });
  });

  it.each([ND85, ND331])('%s: any well-formed answers give a level 1..5 that adding an answer never lowers', (id) => {
    const pack: RegulationPack = getRegulationPack(id);
    const answerFor = (q: RegulationPack['criteria']['questions'][number]): fc.Arbitrary<unknown> => {
      const ids = (q.options ?? []).map((o) => o.id);
      if (q.kind === 'single') return fc.constantFrom(...ids);
      if (q.kind === 'multi') return fc.subarray(ids);
      if (q.kind === 'boolean') return fc.boolean();
      return fc.integer({ min: 0, max: 2_000_000 });
    };
    const qs = pack.criteria.questions;
    fc.assert(
      fc.property(fc.tuple(...qs.map((q) => fc.option(answerFor(q), { nil: undefined }))), fc.tuple(...qs.map(answerFor)), (some, all) => {
        let answers: Record<string, never> = {};
        let level = proposeLevel(pack, answers).level;
        expect(level).toBe(1);
        // answer the questions one by one: the level only climbs
        qs.forEach((q, i) => {
          answers = { ...answers, [q.id]: (some[i] ?? all[i]) as never };
          const next = proposeLevel(pack, answers);
          expect(next.level).toBeGreaterThanOrEqual(level);
          expect(next.level).toBeLessThanOrEqual(5);
          level = next.level;
        });
        expect(validateAnswers(pack, answers)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('every clause carries a mark and every text has both languages', () => {
    for (const pack of loadRegulationPacks()) {
      const walk = (v: unknown, at: string): void => {
        if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${at}[${i}]`));
        if (v === null || typeof v !== 'object') return;
        const o = v as Record<string, unknown>;
        if ('vi' in o) {
          expect(typeof o.en, `${pack.id} ${at}`).toBe('string');
          // Vietnamese texts are written with diacritics, not in ASCII
          if (String(o.vi).length > 20) expect(String(o.vi), `${pack.id} ${at}`).toMatch(/[^\u0020-\u007e]/);
        }
        if ('id' in o && at !== '$') expect(['V', 'R', '?'], `${pack.id} ${at}`).toContain(o.mark);
        for (const [k, x] of Object.entries(o)) walk(x, `${at}.${k}`);
      };
      walk(pack, '$');
    }
  });
});

describe('loadRegulationPacks with broken packs', () => {
  it('names the file and the JSON path of the first problem', () => {
    const dir = brokenCopy(ND85, (p) => (p.levels[2].appraisal.workingDays = -3));
    expectPackError(dir, `${ND85}.json`, '$.levels[2].appraisal.workingDays');
  });

  it('refuses a repeated requirement id, pointing at the repeat', () => {
    const dir = brokenCopy(ND331, (p) => (p.requirementGroups[1].requirements[0].id = p.requirementGroups[0].requirements[0].id));
    expectPackError(dir, `${ND331}.json`, '$.requirementGroups[1].requirements[0].id');
  });

  it('refuses a missing level, a repeated question id and an unknown mark', () => {
    expectPackError(
      brokenCopy(ND85, (p) => (p.levels[4].level = 4)),
      `${ND85}.json`,
      '$.levels[4].level',
    );
    expectPackError(
      brokenCopy(ND85, (p) => (p.criteria.questions[1].id = p.criteria.questions[0].id)),
      `${ND85}.json`,
      '$.criteria.questions[1].id',
    );
    expectPackError(
      brokenCopy(ND331, (p) => (p.criteria.questions[0].options[0].mark = 'verified')),
      `${ND331}.json`,
      '$.criteria.questions[0].options[0].mark',
    );
  });

  it('refuses JSON that does not parse and a file named after another pack', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ "id": ');
    expectPackError(dir, 'bad.json', '$');
    expectPackError(
      brokenCopy(ND85, () => undefined, 'other.json'),
      'other.json',
      '$.id',
    );
  });

  it('refuses an empty folder', () => {
    expect(() => loadRegulationPacks(tempDir())).toThrow(RegulationPackError);
  });
});

describe('pack versions and folders', () => {
  it('keeps older versions reachable and lists the newest', () => {
    const dir = tempDir();
    const v1 = shippedJson(ND331);
    fs.writeFileSync(path.join(dir, `${ND331}@1.0.0.json`), JSON.stringify(v1));
    fs.writeFileSync(path.join(dir, `${ND331}.json`), JSON.stringify({ ...v1, version: '1.1.0' }));
    expect(listRegulationPacks(dir).map((p) => `${p.id}@${p.version}`)).toEqual([`${ND331}@1.1.0`]);
    expect(getRegulationPack(ND331, undefined, dir).version).toBe('1.1.0');
    expect(getRegulationPack(ND331, '1.0.0', dir).version).toBe('1.0.0');
  });

  it('refuses two files with the same id and version', () => {
    const dir = tempDir();
    const v1 = shippedJson(ND331);
    fs.writeFileSync(path.join(dir, `${ND331}@1.0.0.json`), JSON.stringify(v1));
    fs.writeFileSync(path.join(dir, `${ND331}.json`), JSON.stringify(v1));
    expectPackError(dir, `${ND331}@1.0.0.json`, '$.version');
  });

  it('answers NOT_FOUND for an unknown pack or version, or null when only looking', () => {
    expect(lookupRegulationPack('vn-nd999-2030')).toBeNull();
    expect(lookupRegulationPack(ND85, '9.9.9')).toBeNull();
    expect(lookupRegulationPack(ND85)?.id).toBe(ND85);
    expect(() => getRegulationPack('vn-nd999-2030')).toThrow(AppError);
    try {
      getRegulationPack(ND85, '9.9.9');
    } catch (err) {
      expect((err as AppError).code).toBe('NOT_FOUND');
    }
  });

  it('takes the folder from KHIEN_REGULATIONS_DIR', () => {
    expect(regulationsDir({})).toBe(DEFAULT_REGULATIONS_DIR);
    expect(regulationsDir({ KHIEN_REGULATIONS_DIR: 'some/where' })).toBe(path.resolve('some/where'));
    expect(fs.existsSync(path.join(DEFAULT_REGULATIONS_DIR, `${ND85}.json`))).toBe(true);
  });
});
