/**
 * The access matrix's fixtures for the document import routes. An import belongs to the
 * person who uploaded it, not to an org: "inside" is an import of the calling role's own
 * user (allowed with directive:write, 403 without), "outside" is someone else's import in
 * the other commune (404 for every role). The system admin is no exception — an upload's
 * pages are its uploader's until saved as a directive — so the matrix, which expects an
 * admin to see everything outside, skips the admin's outside call; document-import.test.ts
 * checks that a second admin gets 404.
 */
import sharp from 'sharp';
import type { Role } from '@khien/contracts';
import { FileStore } from '../../src/platform/files/files.js';
import { insertImportRow } from '../../src/modules/directives/document-imports.repo.js';
import type { TestApp } from '../harness.js';
import { asciiTextPdf } from './pdf-writer.js';

type Where = 'inside' | 'outside';
interface Call {
  url: string;
  body?: unknown;
  csv?: string;
}
type Fixture = (where: Where, role: Role) => Promise<Call | null>;

interface MatrixContext {
  t: () => TestApp;
  userIds: Map<Role, string>;
  freshUser: (w: Where) => Promise<string>;
}

let n = 0;

export function documentImportFixtures(ctx: MatrixContext): Record<string, Fixture> {
  const owner = async (w: Where, role: Role) => (w === 'inside' ? ctx.userIds.get(role)! : await ctx.freshUser(w));
  const importOf = async (userId: string) => {
    const t = ctx.t();
    const store = new FileStore(t.config.filesDir);
    const file = await store.put(t.database.db, {
      data: Buffer.from(`%PDF-1.4 matrix ${++n}`),
      filename: 'cv.pdf',
      mime: 'application/pdf',
      createdBy: userId,
    });
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const page = await store.put(t.database.db, { data: jpeg, filename: 'cv-trang-1.jpg', mime: 'image/jpeg', createdBy: userId });
    const row = await insertImportRow(t.database.db, {
      createdBy: userId,
      fileId: file.id,
      filename: 'cv.pdf',
      kind: 'pdf',
      status: 'done',
      pagesTotal: 1,
      pagesDone: 1,
      pageImages: [{ page: 1, fileId: page.id }],
    });
    return row.id;
  };
  return {
    'GET /api/v1/directives/imports/capabilities': async (w) => (w === 'inside' ? { url: '/api/v1/directives/imports/capabilities' } : null),
    'POST /api/v1/directives/imports': async (w) =>
      w === 'inside'
        ? {
            url: '/api/v1/directives/imports',
            csv: asciiTextPdf([`So: ${++n}/UBND-VP`, 'V/v thu nghiem ma tran quyen truy cap', 'Kinh gui: Cac co quan, don vi']),
          }
        : null,
    'GET /api/v1/directives/imports/:id': async (w, role) =>
      w === 'outside' && role === 'system_admin' ? null : { url: `/api/v1/directives/imports/${await importOf(await owner(w, role))}` },
    'GET /api/v1/directives/imports/:id/pages/:page': async (w, role) =>
      w === 'outside' && role === 'system_admin' ? null : { url: `/api/v1/directives/imports/${await importOf(await owner(w, role))}/pages/1` },
  };
}
