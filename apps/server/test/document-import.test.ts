/**
 * Dispatches as PDFs and photos: text layers read inline, scans read by the background job
 * (pg-boss on this PGlite database) with progress, page images and doubtful fields; bad files
 * refused with a reason and nothing created; no Tesseract → a clear 415; the CLI.
 * The scans are made from the seed dispatches by test/support/scan-fixtures.ts and cached in .tmp/.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentImport, ParsedDispatchDraft } from '@khien/contracts';
import { parseDispatch } from '@khien/formats';
import { startJobs, type Jobs } from '../src/platform/jobs/index.js';
import { queryRows } from '../src/platform/db/client.js';
import { FileStore } from '../src/platform/files/files.js';
import { AppError } from '../src/platform/errors.js';
import { DOCUMENT_LIMITS, ocrAvailable, readDocument } from '../src/platform/documents/index.js';
import { dispatchJson, documentImportJobs } from '../src/modules/directives/index.js';
import { draftFrom } from '../src/modules/directives/directive-parse.service.js';
import { buildDispatchDocx } from '../src/modules/directives/export/index.js';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from './harness.js';
import { buildPdf } from './support/pdf-writer.js';
import { loadSeeds, mixedPdf, renderPdfs, ROOT, scanPdf, SCAN_SETTINGS, seedDispatchDoc, seedPdfs, shortDispatchDoc } from './support/scan-fixtures.js';

const run = promisify(execFile);
const SEED = loadSeeds().find((s) => s.name === 'dispatch-muong-lay-2026')!;

let t: TestApp;
let jobs: Jobs;
let coord: Client;
let coord2: Client;
let admin2: Client;
let officer: Client;
let issuerOrgId: string;
const fx = {} as { textPdf: string; scanPdf: string; mixedPdf: string; photoPng: string; shortTextPdf: string; notDocument: Buffer; encrypted: string };

function multipart(data: Buffer, filename: string, mime: string) {
  const boundary = 'khiendocimport';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(c: Client, url: string, data: Buffer, filename: string, mime = 'application/octet-stream') {
  const m = multipart(data, filename, mime);
  return t.app.inject({ method: 'POST', url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': m.contentType }, payload: m.payload });
}

/** Polls an import like the web page does, keeping every state it saw. */
async function waitForImport(c: Client, id: string, timeoutMs = 90_000): Promise<{ final: DocumentImport; seen: DocumentImport[] }> {
  const seen: DocumentImport[] = [];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await c.get(`/api/v1/directives/imports/${id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as DocumentImport;
    seen.push(body);
    if (body.status === 'done' || body.status === 'failed') return { final: body, seen };
    if (Date.now() > until) throw new Error(`import ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function counts() {
  const [r] = await queryRows<{ files: number; imports: number }>(
    t.database.db,
    sql`select (select count(*) from files)::int as files, (select count(*) from document_imports)::int as imports`,
  );
  return r!;
}

beforeAll(async () => {
  t = await createTestApp();
  const province = await buildOrg(t, { name: 'Tỉnh Điện Biên', kind: 'province' });
  const ward = await buildOrg(t, { parentId: province.id, name: 'Phường Mường Lay', kind: 'ward' });
  issuerOrgId = ward.id;
  const grant = [{ role: 'commune_coordinator' as const, orgId: ward.id }];
  coord = await signIn(t, await buildUser(t, { homeOrgId: ward.id, grants: grant }));
  coord2 = await signIn(t, await buildUser(t, { homeOrgId: ward.id, grants: grant }));
  admin2 = await signIn(t, await buildUser(t, { homeOrgId: province.id, grants: [{ role: 'system_admin', orgId: null }] }));
  officer = await signIn(t, await buildUser(t, { homeOrgId: ward.id, grants: [{ role: 'unit_officer', orgId: ward.id }] }));

  const pdfs = await seedPdfs();
  fx.textPdf = pdfs[SEED.name]!;
  fx.scanPdf = (await scanPdf(fx.textPdf, seedDispatchDoc(SEED), SCAN_SETTINGS[SEED.name])).pdf;
  fx.mixedPdf = mixedPdf(fx.textPdf, fx.scanPdf);
  const short = shortDispatchDoc();
  fx.shortTextPdf = (await renderPdfs({ 'muong-lay-short': short }))['muong-lay-short']!;
  const shortScan = await scanPdf(fx.shortTextPdf, short, { rotateDeg: 1.3, seed: 5 });
  fx.photoPng = path.join(path.dirname(shortScan.pdf), `${path.basename(shortScan.pages[0]!, '.jpg')}.png`);
  if (!fs.existsSync(fx.photoPng)) await sharp(shortScan.pages[0]!).png().toFile(fx.photoPng);
  // a photo of no document: a gradient and some shapes
  fx.notDocument = await sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><defs><linearGradient id="g"><stop offset="0" stop-color="#3a7"/><stop offset="1" stop-color="#fc8"/></linearGradient></defs><rect width="1600" height="1200" fill="url(#g)"/><circle cx="500" cy="600" r="300" fill="#258"/><rect x="900" y="300" width="400" height="500" fill="#a33"/></svg>`,
    ),
  )
    .jpeg()
    .toBuffer();
  fx.encrypted = path.join(ROOT, '.tmp', 'scan-fixtures', 'encrypted.pdf');
  if (!fs.existsSync(fx.encrypted)) {
    const work = fs.mkdtempSync(path.join(ROOT, '.tmp', 'scan-enc-'));
    try {
      fs.writeFileSync(path.join(work, 'cv.docx'), await buildDispatchDocx(short));
      await run('soffice', [
        `-env:UserInstallation=file://${path.join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"mat-khau"}}',
        '--outdir',
        work,
        path.join(work, 'cv.docx'),
      ]);
      fs.renameSync(path.join(work, 'cv.pdf'), fx.encrypted);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }

  jobs = await startJobs(t.database, { work: true, definitions: documentImportJobs(t.database.db, new FileStore(t.config.filesDir)) });
}, 240_000);

afterAll(async () => {
  await jobs?.stop();
  await t?.close();
});

describe('a PDF with a text layer', () => {
  it('gives the same draft as the text import of the same dispatch, inline', async () => {
    const res = await upload(coord, '/api/v1/directives/parse', fs.readFileSync(fx.textPdf), 'cong-van.pdf', 'application/pdf');
    expect(res.statusCode).toBe(200);
    const body = res.json() as ParsedDispatchDraft;
    // the letter's issuing body is the ward of the tree, proposed as the issuer
    expect(body.draft).toEqual({ ...draftFrom(parseDispatch(SEED.text)), issuerOrgId });
    expect(body.sourceFileId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is read at once by the import too, with page images and no OCR', async () => {
    const res = await upload(coord, '/api/v1/directives/imports', fs.readFileSync(fx.textPdf), 'cong-van.pdf', 'application/pdf');
    expect(res.statusCode).toBe(201);
    const final = res.json() as DocumentImport;
    expect(final.status).toBe('done');
    expect((await coord.get(`/api/v1/directives/imports/${final.id}`)).json()).toEqual(final);
    expect(final.result!.draft).toEqual({ ...draftFrom(parseDispatch(SEED.text)), issuerOrgId });
    expect(final.result!.document!.pages.map((p) => [p.source, p.confidence, p.image])).toEqual([
      ['text', null, true],
      ['text', null, true],
    ]);
    expect(final.result!.document!.lowConfidence).toEqual([]);
  });
});

describe('a scanned dispatch', () => {
  let done: DocumentImport;
  let seen: DocumentImport[];

  beforeAll(async () => {
    const res = await upload(coord, '/api/v1/directives/imports', fs.readFileSync(fx.scanPdf), 'ban-quet.pdf', 'application/pdf');
    expect(res.statusCode).toBe(202);
    const queued = res.json() as DocumentImport;
    expect(queued).toMatchObject({ status: 'queued', pagesTotal: 2, pagesDone: 0, result: null, kind: 'pdf', filename: 'ban-quet.pdf' });
    ({ final: done, seen } = await waitForImport(coord, queued.id));
  }, 120_000);

  it('is read by the background job, with progress pages done / total', () => {
    expect(done.status).toBe('done');
    expect(done.pagesDone).toBe(2);
    expect(done.pagesTotal).toBe(2);
    const dones = seen.map((s) => s.pagesDone);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(seen.some((s) => s.status === 'queued' || s.status === 'running')).toBe(true);
  });

  it('gets the main fields right through OCR, with Vietnamese marks', () => {
    const d = done.result!.draft;
    expect(d.number).toBe('1082/UBND-CA');
    expect(d.issuedOn).toBe('2026-03-05');
    expect(d.place).toBe('Mường Lay');
    expect(d.subject).toBe(SEED.parsed.subject);
    expect(d.signer.name).toBe('Lù Văn Ánh');
    expect(d.sections).toHaveLength(3);
    expect(d.recipientsText).toEqual(SEED.parsed.recipients);
  });

  it('reports how each page was read: confidence, straightening, the stamp and signature', () => {
    const doc = done.result!.document!;
    expect(doc.kind).toBe('pdf');
    expect(doc.pages.map((p) => p.source)).toEqual(['ocr', 'ocr']);
    for (const p of doc.pages) {
      expect(p.confidence).toBeGreaterThan(80);
      expect(p.skewDegrees).toBeCloseTo(-2.2, 0);
      expect(p.image).toBe(true);
    }
    expect(doc.pages[1]).toMatchObject({ stamp: true, signature: true });
    expect(doc.pages[0]).toMatchObject({ stamp: false, signature: false });
    expect(doc.meanConfidence).toBeGreaterThan(80);
    for (const f of doc.lowConfidence)
      expect(f.field).toMatch(
        /^(number|place|issuedOn|subject|recipientsText|preamble|closing|contacts|copiesTo|signer\.\w+|sections\.\d+\.(heading|tasks\.\d+\.text))$/,
      );
  });

  it('serves the page images to the uploader only', async () => {
    const page = await coord.get(`/api/v1/directives/imports/${done.id}/pages/2`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('image/jpeg');
    expect(page.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await coord.get(`/api/v1/directives/imports/${done.id}/pages/9`)).statusCode).toBe(404);
    for (const other of [coord2, admin2, officer]) {
      expect((await other.get(`/api/v1/directives/imports/${done.id}`)).statusCode).toBe(404);
      expect((await other.get(`/api/v1/directives/imports/${done.id}/pages/1`)).statusCode).toBe(404);
    }
  });

  it('saves as a draft directive with the scan attached, and the upload is in the audit log', async () => {
    const res = await coord.send('POST', `/api/v1/directives?sourceFileId=${done.result!.sourceFileId}`, { ...done.result!.draft, issuerOrgId });
    expect(res.statusCode).toBe(201);
    expect(res.json().attachments.map((a: { filename: string }) => a.filename)).toEqual(['ban-quet.pdf']);
    const audit = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_id = ${done.id}`);
    expect(audit.map((a) => a.action)).toEqual(['directive.import.created']);
  });
});

describe('mixed documents and photos', () => {
  it('reads the text layer where a page has one and OCRs the page that has none', async () => {
    const res = await upload(coord, '/api/v1/directives/imports', fs.readFileSync(fx.mixedPdf), 'hon-hop.pdf', 'application/pdf');
    const { final } = await waitForImport(coord, (res.json() as DocumentImport).id);
    expect(final.status).toBe('done');
    expect(final.result!.document!.pages.map((p) => p.source)).toEqual(['text', 'ocr']);
    expect(final.result!.draft.number).toBe('1082/UBND-CA');
    expect(final.result!.draft.signer.name).toBe('Lù Văn Ánh');
  }, 120_000);

  it('reads a photo of a one-page dispatch', async () => {
    const res = await upload(coord, '/api/v1/directives/imports', fs.readFileSync(fx.photoPng), 'anh-chup.png', 'image/png');
    expect(res.statusCode).toBe(202);
    const { final } = await waitForImport(coord, (res.json() as DocumentImport).id);
    expect(final.status).toBe('done');
    expect(final.result!.document!.kind).toBe('image');
    const d = final.result!.draft;
    expect([d.number, d.issuedOn, d.subject, d.signer.name]).toEqual(['1082/UBND-CA', '2026-03-05', SEED.parsed.subject, 'Lù Văn Ánh']);
  }, 120_000);

  it("fails a photo of no dispatch with the text import's reason, creating no draft", async () => {
    const res = await upload(coord, '/api/v1/directives/imports', fx.notDocument, 'phong-canh.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(202);
    const { final } = await waitForImport(coord, (res.json() as DocumentImport).id);
    expect(final.status).toBe('failed');
    expect(final.error!.code).toBe('IMPORT_FAILED');
    // the reason goes along, for the web to say it in the reader's language
    expect(final.error).toMatchObject({ reason: 'not_a_dispatch', params: {} });
    expect(final.error!.message).toMatch(/does not look like a dispatch/);
    expect(final.result).toBeNull();
  }, 60_000);
});

describe('bad files are refused at once, with a reason, and nothing is created', () => {
  const cases: [string, () => Buffer, number, RegExp][] = [
    ['an encrypted PDF', () => fs.readFileSync(fx.encrypted), 422, /mật khẩu.*password/s],
    ['a damaged PDF', () => fs.readFileSync(fx.textPdf).subarray(0, 4000), 422, /hỏng|damaged/],
    ['a 300-page PDF', () => buildPdf(Array.from({ length: 300 }, () => ({ widthPt: 595, heightPt: 842 }))), 413, /300 trang.*50/s],
    ['a PDF bomb: a page two kilometres wide', () => buildPdf([{ widthPt: 200_000, heightPt: 200_000 }]), 413, /khổ.*not a document page size/s],
    ['a 100 MB photo', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100 * 1024 * 1024)]), 413, /quá lớn|too large/],
    ['a text file named .pdf', () => fs.readFileSync(path.join(ROOT, 'package.json')), 415, /PDF, PNG hoặc JPEG/],
  ];
  it.each(cases)('%s', async (_name, make, status, message) => {
    const before = await counts();
    const res = await upload(coord, '/api/v1/directives/imports', make(), 'tep.pdf');
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('a 100-megapixel image that is a small file (decompression bomb)', async () => {
    const png = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(png.length).toBeLessThan(2_000_000);
    const before = await counts();
    const res = await upload(coord, '/api/v1/directives/imports', png, 'to.png', 'image/png');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/triệu điểm ảnh/);
    expect(await counts()).toEqual(before);
  });

  it('a page whose drawing never ends is stopped by the time limit, quickly', async () => {
    // 3 million line segments: seconds of rasterising for pdftoppm, a few hundred kB of PDF
    const content = Buffer.from('0 0 m 595 842 l S\n'.repeat(3_000_000));
    const bomb = buildPdf([{ widthPt: 595, heightPt: 842, content }]);
    expect(bomb.length).toBeLessThan(2_000_000);
    const limits = { ...DOCUMENT_LIMITS, timeouts: { ...DOCUMENT_LIMITS.timeouts, pdftotext: 1500, pdftoppm: 1500 } };
    const started = Date.now();
    const err = await readDocument(bomb, { limits }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/quá thời gian|took too long/);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(zlib.deflateSync(content).length).toBeLessThan(content.length / 100);
  });

  it('the inline parse route sends scans to the import instead of reading them on the request path', async () => {
    const res = await upload(coord, '/api/v1/directives/parse', fs.readFileSync(fx.scanPdf), 'ban-quet.pdf', 'application/pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(/POST \/api\/v1\/directives\/imports/);
  });

  it('people without directive:write cannot import', async () => {
    const res = await upload(officer, '/api/v1/directives/imports', fs.readFileSync(fx.textPdf), 'cv.pdf');
    expect(res.statusCode).toBe(403);
  });
});

describe('without Tesseract', () => {
  beforeAll(async () => {
    process.env.KHIEN_TESSERACT = '/nonexistent/tesseract';
    expect(await ocrAvailable(true)).toBe(false);
  });
  afterAll(async () => {
    delete process.env.KHIEN_TESSERACT;
    await ocrAvailable(true);
  });

  it('says so for photos and scans (vi + en), still reads text-layer PDFs, and the capabilities tell the web', async () => {
    const before = await counts();
    for (const [file, name] of [
      [fx.photoPng, 'anh.png'],
      [fx.scanPdf, 'ban-quet.pdf'],
    ] as const) {
      const res = await upload(coord, '/api/v1/directives/imports', fs.readFileSync(file), name);
      expect(res.statusCode).toBe(415);
      expect(res.json().error.message).toMatch(/chưa cài Tesseract.*Tesseract OCR .* is not installed/s);
      expect(res.json().error.details).toEqual({ reason: 'ocr_unavailable' });
    }
    expect(await counts()).toEqual(before);
    expect((await upload(coord, '/api/v1/directives/parse', fs.readFileSync(fx.textPdf), 'cv.pdf')).statusCode).toBe(200);
    expect((await coord.get('/api/v1/directives/imports/capabilities')).json()).toEqual({ ocr: false, maxBytes: DOCUMENT_LIMITS.maxBytes, maxPages: 50 });
  });
});

describe('khien directive parse', () => {
  const cli = (file: string) =>
    run(process.execPath, [path.join(ROOT, 'apps/server/bin/khien.mjs'), 'directive', 'parse', file, '--json'], { cwd: ROOT, timeout: 120_000 });

  it('prints the same JSON for a PDF as for the text of the dispatch', async () => {
    const { stdout } = await cli(fx.textPdf);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(dispatchJson(parseDispatch(SEED.text)))));
  }, 120_000);

  it('reads a photo (.png) with OCR', async () => {
    const { stdout } = await cli(fx.photoPng);
    const out = JSON.parse(stdout);
    expect([out.number, out.date, out.subject, out.signer.name]).toEqual(['1082/UBND-CA', '2026-03-05', SEED.parsed.subject, 'Lù Văn Ánh']);
  }, 120_000);
});
