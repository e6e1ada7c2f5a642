// .docx → plain text with mammoth, in a worker with a capped heap (docx.ts): mammoth and the
// JSZip under it trust the archive, which the guarded reader has checked before we get here.
import mammoth from 'mammoth';
import { serve } from './worker-serve.mjs';

await serve(async ({ data }) => {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
  return value;
});
