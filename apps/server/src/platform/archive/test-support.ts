// Helpers for tests only: zips written byte by byte, including the ones no honest tool writes.
import zlib from 'node:zlib';

export interface TestEntry {
  name: string;
  data?: Buffer;
  /** A body deflated elsewhere (a bomb built in chunks), with its real unzipped size and CRC. */
  raw?: DeflatedBody;
  method?: 0 | 8;
  /** Lie about the unzipped size, in the directory and the local header. */
  declaredSize?: number;
  /** Extra general-purpose flag bits (1: encrypted). */
  flags?: number;
  /** Sizes and CRC after the data (bit 3), with or without the descriptor's signature. */
  descriptor?: 'signed' | 'unsigned';
  /** Sizes and offset in a ZIP64 extra field. */
  zip64?: boolean;
}

export interface DeflatedBody {
  body: Buffer;
  size: number;
  crc: number;
}

export function deflated(data: Buffer): DeflatedBody {
  return { body: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) };
}

/** `total` bytes of one repeated byte, deflated in 1 MiB pieces: a bomb built without holding it. */
export async function deflatedRepeat(byte: number, total: number): Promise<DeflatedBody> {
  const piece = Buffer.alloc(1024 * 1024, byte);
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  let crc = 0;
  for (let left = total; left > 0; left -= piece.length) {
    const chunk = left >= piece.length ? piece : piece.subarray(0, left);
    crc = zlib.crc32(chunk, crc);
    if (!deflater.write(chunk)) await new Promise((r) => deflater.once('drain', r));
  }
  deflater.end();
  await done;
  return { body: Buffer.concat(out), size: total, crc };
}

const U32 = 0xffffffff;

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return extra;
}

/** A zip: local headers, data, descriptors, central directory, (ZIP64 end records,) end record. */
export function writeZip(entries: TestEntry[], o: { zip64?: boolean; comment?: string } = {}): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const content =
      e.raw ??
      (method === 8
        ? deflated(e.data ?? Buffer.alloc(0))
        : { body: e.data ?? Buffer.alloc(0), size: e.data?.length ?? 0, crc: zlib.crc32(e.data ?? Buffer.alloc(0)) });
    const size = e.declaredSize ?? content.size;
    const flags = 0x0800 | (e.flags ?? 0) | (e.descriptor ? 0x08 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    const localExtra = e.zip64 ? zip64Extra([size, content.body.length]) : Buffer.alloc(0);
    if (!e.descriptor) {
      local.writeUInt32LE(content.crc, 14);
      local.writeUInt32LE(e.zip64 ? U32 : content.body.length, 18);
      local.writeUInt32LE(e.zip64 ? U32 : size, 22);
    }
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    let descriptor = Buffer.alloc(0);
    if (e.descriptor) {
      const wide = e.zip64 === true;
      const signed = e.descriptor === 'signed';
      descriptor = Buffer.alloc((signed ? 4 : 0) + (wide ? 20 : 12));
      let q = 0;
      if (signed) q = descriptor.writeUInt32LE(0x08074b50, 0);
      q = descriptor.writeUInt32LE(content.crc, q);
      if (wide) {
        q = descriptor.writeBigUInt64LE(BigInt(content.body.length), q);
        descriptor.writeBigUInt64LE(BigInt(size), q);
      } else {
        q = descriptor.writeUInt32LE(content.body.length, q);
        descriptor.writeUInt32LE(size, q);
      }
    }
    const centralExtra = e.zip64 ? zip64Extra([size, content.body.length, offset]) : Buffer.alloc(0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.zip64 ? 45 : 20, 4);
    central.writeUInt16LE(e.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(content.crc, 16);
    central.writeUInt32LE(e.zip64 ? U32 : content.body.length, 20);
    central.writeUInt32LE(e.zip64 ? U32 : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(e.zip64 ? U32 : offset, 42);
    parts.push(local, name, localExtra, content.body, descriptor);
    centrals.push(central, name, centralExtra);
    offset += local.length + name.length + localExtra.length + content.body.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = Buffer.from(o.comment ?? '', 'latin1');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(comment.length, 20);
  if (o.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(U32, 12);
    end.writeUInt32LE(U32, 16);
    return Buffer.concat([...parts, directory, record, locator, end, comment]);
  }
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end, comment]);
}

const OOXML_NS = 'http://schemas.openxmlformats.org';

/** The smallest .docx mammoth reads: content types, the package relation, and word/document.xml as given. */
export function minimalDocx(document: Partial<TestEntry>, extra: TestEntry[] = []): Buffer {
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${OOXML_NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${OOXML_NS}/package/2006/relationships"><Relationship Id="rId1" Type="${OOXML_NS}/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    },
    { name: 'word/document.xml', ...document },
    ...extra,
  ]);
}
