/**
 * The type a stored file is served as, read from its bytes, never from what the uploader
 * declared: a file declared "image/png" that is really HTML must not reach a browser as HTML.
 * Only kinds we can recognise by their first bytes get their own type; anything else —
 * HTML, SVG, XML, scripts, unknown binaries — goes out as application/octet-stream. Downloads
 * are attachments with nosniff on top of this, so the type only helps the user's computer
 * pick the right program.
 */
const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const OLE: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };

const starts = (d: Buffer, bytes: number[], at = 0) => d.length >= at + bytes.length && bytes.every((b, i) => d[at + i] === b);
const fatal = new TextDecoder('utf-8', { fatal: true });

function looksLikeText(data: Buffer): boolean {
  const head = data.subarray(0, 64 * 1024);
  if (head.includes(0)) return false;
  try {
    // a sample cut in the middle of a character is still text
    fatal.decode(head.length < data.length ? head.subarray(0, Math.max(0, head.length - 4)) : head);
  } catch {
    return false;
  }
  // markup a browser would render or run stays opaque
  return !/^\s*</.test(
    head
      .subarray(0, 1024)
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  );
}

export function sniffMime(data: Buffer, filename: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  if (starts(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(data, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (starts(data, [0x52, 0x49, 0x46, 0x46]) && starts(data, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts(data, [0x50, 0x4b, 0x03, 0x04]) || starts(data, [0x50, 0x4b, 0x05, 0x06])) return OOXML[ext] ?? 'application/zip';
  if (starts(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE[ext] ?? 'application/octet-stream';
  if (looksLikeText(data)) return ext === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}
