import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@khien/contracts';
import type { Db } from '../db/client.js';
import type { FileAccess } from '../files/file-access.js';
import type { FileStore } from '../files/files.js';
import { sendStoredFile } from './upload.js';

/**
 * The one route that serves a stored file (evidence, attachments, original dispatches): who may
 * read it is asked of the modules that linked it (FileAccess); never rendered inline.
 */
export function registerFileDownloads(app: FastifyInstance, deps: { db: Db; files: FileStore; access: FileAccess }): void {
  // every role reads orgs; whether this file is readable is the linking records' answer
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/v1/files/:id', { config: { permission: 'org:read' }, schema: { tags: ['files'], params: IdParamsSchema } }, async (req, reply) =>
      sendStoredFile(reply, await deps.access.read(deps.db, deps.files, req.actor!, req.params.id)),
    );
}
