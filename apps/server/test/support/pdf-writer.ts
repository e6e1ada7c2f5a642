import zlib from 'node:zlib';

export interface PdfPageSpec {
  /** Page size in points (1/72 in). */
  widthPt: number;
  heightPt: number;
  /** A JPEG drawn over the whole page (a scanned page), RGB or greyscale. */
  jpeg?: { data: Buffer; width: number; height: number; grey?: boolean };
  /** Raw page content operators, Flate-compressed into the file (e.g. a decompression bomb). */
  content?: Buffer;
}

/**
 * The smallest honest PDF writer: pages made of one full-page JPEG (what a scanner writes)
 * or of raw content. For test fixtures only — scans, page-count and page-size bombs.
 */
export function buildPdf(pages: PdfPageSpec[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const catalog = add('');
  const tree = add('');
  const kids: number[] = [];
  for (const p of pages) {
    let resources = '';
    let content: Buffer;
    if (p.jpeg) {
      const head = `<< /Type /XObject /Subtype /Image /Width ${p.jpeg.width} /Height ${p.jpeg.height} /ColorSpace /${p.jpeg.grey ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.data.length} >>\nstream\n`;
      const image = add(Buffer.concat([Buffer.from(head, 'latin1'), p.jpeg.data, Buffer.from('\nendstream', 'latin1')]));
      resources = `/Resources << /XObject << /Im0 ${image} 0 R >> >>`;
      content = Buffer.from(`q ${p.widthPt} 0 0 ${p.heightPt} 0 0 cm /Im0 Do Q`, 'latin1');
    } else content = p.content ?? Buffer.alloc(0);
    const packed = zlib.deflateSync(content);
    const stream = add(
      Buffer.concat([Buffer.from(`<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')]),
    );
    kids.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${p.widthPt} ${p.heightPt}] ${resources} /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${tree} 0 R >>`, 'latin1');
  objects[tree - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

/**
 * A one-page PDF with a text layer in plain ASCII (Helvetica, uncompressed): small enough to
 * send as a string, e.g. by the access-matrix test's upload helper.
 */
export function asciiTextPdf(lines: string[]): string {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = ['BT /F1 12 Tf 72 760 Td 16 TL', ...lines.map((l) => `(${esc(l)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${out}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}
