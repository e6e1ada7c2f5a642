import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { estimateSkew, mergeBoxes, otsu, removeColouredInk, type RgbImage } from './image.js';
import { textLayerProblem } from './read-document.js';

/** A page of ruled "text lines" (dark bars with gaps, like words), turned by `deg` counter-clockwise. */
async function linesPage(deg: number): Promise<{ data: Buffer; width: number; height: number }> {
  const bars: string[] = [];
  for (let y = 150; y < 1250; y += 60) {
    for (let x = 120; x < 880; x += 110) bars.push(`<rect x="${x}" y="${y}" width="${80 + ((x + y) % 25)}" height="22" fill="#111"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1400"><rect width="1000" height="1400" fill="#fff"/>${bars.join('')}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).rotate(-deg, { background: '#ffffff' }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('estimateSkew', () => {
  it.each([0, 1.2, -2.5, 3, -7])('finds a page turned by %s° to within 0.2°', async (deg) => {
    const p = await linesPage(deg);
    expect(Math.abs(estimateSkew(p.data, p.width, p.height) - deg)).toBeLessThanOrEqual(0.2);
  });

  it('says 0 for a blank page', () => {
    expect(estimateSkew(Buffer.alloc(500 * 700, 255), 500, 700)).toBe(0);
  });
});

describe('removeColouredInk', () => {
  it('lifts red stamp and blue signature ink off the page but keeps black print under them', () => {
    const width = 240;
    const height = 120;
    const data = Buffer.alloc(width * height * 3, 250);
    const paint = (x0: number, x1: number, y0: number, y1: number, rgb: [number, number, number]) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.set(rgb, (y * width + x) * 3);
    };
    paint(0, 120, 0, 120, [214, 32, 44]); // stamp ink
    paint(120, 240, 0, 120, [28, 58, 168]); // signature ink
    paint(10, 20, 10, 20, [20, 5, 8]); // black print under the stamp
    const img: RgbImage = { data, width, height, dpi: 300 };
    const marks = removeColouredInk(img);
    const px = (x: number, y: number) => [...data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];
    expect(px(30, 30)).toEqual([214, 214, 214]); // light grey: paper once binarised
    expect(px(170, 30)).toEqual([168, 168, 168]);
    expect(px(15, 15)![0]).toBeLessThan(40); // the print stays dark
    expect(marks.stamp).toHaveLength(1);
    expect(marks.signature).toHaveLength(1);
    expect(marks.stamp[0]!.x).toBe(0);
    expect(marks.signature[0]!.x).toBe(0.5);
  });
});

describe('helpers', () => {
  it('otsu splits ink from paper', () => {
    const g = Buffer.concat([Buffer.alloc(1000, 30), Buffer.alloc(9000, 235)]);
    const t = otsu(g);
    expect(t).toBeGreaterThanOrEqual(30);
    expect(t).toBeLessThan(235);
  });

  it('merges the overlapping boxes of one stamp', () => {
    expect(
      mergeBoxes([
        { x: 0.1, y: 0.1, w: 0.2, h: 0.2 },
        { x: 0.25, y: 0.25, w: 0.1, h: 0.1 },
        { x: 0.8, y: 0.8, w: 0.1, h: 0.1 },
      ]),
    ).toEqual([
      { x: 0.1, y: 0.1, w: expect.closeTo(0.25, 9), h: expect.closeTo(0.25, 9) },
      { x: 0.8, y: 0.8, w: 0.1, h: 0.1 },
    ]);
  });

  it('tells a real text layer from none and from a legacy-font mojibake', () => {
    const page = (text: string) => ({
      width: 600,
      height: 800,
      lines: [text.split(' ').map((t, i) => ({ text: t, x0: i * 40, y0: 0, x1: i * 40 + 30, y1: 10, conf: null }))],
    });
    expect(textLayerProblem(page('Cộng hòa xã hội chủ nghĩa Việt Nam, Độc lập - Tự do - Hạnh phúc'))).toBeNull();
    expect(textLayerProblem(page('Céng hoµ x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc'))).toBe('legacy');
    expect(textLayerProblem(page('1 2'))).toBe('none');
    expect(textLayerProblem(undefined)).toBe('none');
  });
});
