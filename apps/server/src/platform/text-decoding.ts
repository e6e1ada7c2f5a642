import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Bytes → NFC text. UTF-8 with or without BOM; UTF-16 LE/BE by BOM (or, without
 * one, by the zero bytes that ASCII leaves in every other position); anything
 * that is not valid UTF-8 is read as Windows-1258, which Excel on Vietnamese
 * Windows writes for "CSV (Comma delimited)". Windows-1258 puts tone marks as
 * separate combining characters, which NFC folds back into "ế", "ộ"…
 */
export function decodeText(data: Buffer): DecodedText {
  const b0 = data[0];
  const b1 = data[1];
  if (b0 === 0xef && b1 === 0xbb && data[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(data.subarray(3)).normalize('NFC'), encoding: 'utf-8' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: utf16(data.subarray(2), 'le'), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: utf16(data.subarray(2), 'be'), encoding: 'utf-16be' };
  const bomless = guessUtf16(data);
  if (bomless) return { text: utf16(data, bomless), encoding: bomless === 'le' ? 'utf-16le' : 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(data, 'windows1258').normalize('NFC'), encoding: 'windows-1258' };
  }
}

function utf16(data: Buffer, order: 'le' | 'be'): string {
  return iconv.decode(data, order === 'le' ? 'utf-16le' : 'utf-16be').normalize('NFC');
}

/** Text files are mostly ASCII, so UTF-16 without a BOM shows zeros in every odd (LE) or even (BE) byte. */
function guessUtf16(data: Buffer): 'le' | 'be' | null {
  const n = Math.min(data.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0) evenZeros++;
    if (data[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'be';
  return null;
}

/**
 * True when decoded "text" is really binary: more than 1 % NULs, other control
 * characters or undecodable bytes. Real CSVs have none, or a stray few (NUL padding
 * from a broken export) that cell cleaning drops.
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  // eslint-disable-next-line no-control-regex
  const odd = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return odd > Math.max(2, sample.length * 0.01);
}
