import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';

/** The Teams app icons, drawn from geometric primitives: a white school house with a check mark cut out. */

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
/** Background of the colour icon; the manifest's accentColor uses the same value. */
export const BACKGROUND = { r: 0x12, g: 0x6e, b: 0x82 } as const;

type Point = readonly [number, number];

/** Glyph shapes in glyph units: a square box from (0,0) to (1,1), y pointing down. */
const ROOF: readonly Point[] = [
  [0.5, 0.16],
  [1.0, 0.5],
  [0.0, 0.5],
];
const FLAG_POLE: readonly Point[] = [
  [0.5, 0.2],
  [0.5, 0.02],
];
const FLAG: readonly Point[] = [
  [0.5, 0.0],
  [0.7, 0.065],
  [0.5, 0.13],
];
const BODY = { x0: 0.12, y0: 0.55, x1: 0.88, y1: 1.0 } as const;
const GABLE_WINDOW = { cx: 0.5, cy: 0.37, r: 0.065 } as const;
const CHECK: readonly Point[] = [
  [0.32, 0.77],
  [0.46, 0.9],
  [0.7, 0.65],
];
const CHECK_HALF_WIDTH = 0.055;

function insidePolygon(x: number, y: number, poly: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function onPolyline(x: number, y: number, line: readonly Point[], halfWidth: number): boolean {
  for (let i = 1; i < line.length; i++) {
    if (distanceToSegment(x, y, line[i - 1]!, line[i]!) <= halfWidth) return true;
  }
  return false;
}

/** True where the glyph is white; (x, y) in glyph units. The gable window is left out at small sizes. */
export function inGlyph(x: number, y: number, withWindow = true): boolean {
  const inBody = x >= BODY.x0 && x <= BODY.x1 && y >= BODY.y0 && y <= BODY.y1;
  if (inBody) return !onPolyline(x, y, CHECK, CHECK_HALF_WIDTH);
  if (insidePolygon(x, y, FLAG) || onPolyline(x, y, FLAG_POLE, 0.025)) return true;
  if (!insidePolygon(x, y, ROOF)) return false;
  return !withWindow || Math.hypot(x - GABLE_WINDOW.cx, y - GABLE_WINDOW.cy) > GABLE_WINDOW.r;
}

/** Share of a pixel covered by the glyph, from a regular grid of samples x samples points. */
function coverage(px: number, py: number, origin: number, scale: number, samples: number, withWindow: boolean): number {
  let hits = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples - origin) / scale;
      const y = (py + (sy + 0.5) / samples - origin) / scale;
      if (inGlyph(x, y, withWindow)) hits++;
    }
  }
  return hits / (samples * samples);
}

function setPixel(png: PNG, x: number, y: number, r: number, g: number, b: number, a: number): void {
  const i = (y * png.width + x) * 4;
  png.data[i] = r;
  png.data[i + 1] = g;
  png.data[i + 2] = b;
  png.data[i + 3] = a;
}

/** 192×192, opaque: the glyph in white over a full-bleed teal square (Teams rounds the corners itself). */
export function drawColorIcon(): PNG {
  const size = COLOR_ICON_SIZE;
  const png = new PNG({ width: size, height: size });
  const glyph = 112;
  const origin = (size - glyph) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, origin, glyph, 4, true);
      const mix = (bg: number) => Math.round(bg + (255 - bg) * c);
      setPixel(png, x, y, mix(BACKGROUND.r), mix(BACKGROUND.g), mix(BACKGROUND.b), 255);
    }
  }
  return png;
}

/** 32×32: the same glyph in pure white on a fully transparent background, alpha only 0 or 255. */
export function drawOutlineIcon(): PNG {
  const size = OUTLINE_ICON_SIZE;
  const png = new PNG({ width: size, height: size });
  const glyph = 28;
  const origin = (size - glyph) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = coverage(x, y, origin, glyph, 4, false) >= 0.5;
      setPixel(png, x, y, 255, 255, 255, on ? 255 : 0);
    }
  }
  return png;
}

export const ICON_DIR = resolve(__dirname, '..', 'manifest');

/** Writes color.png and outline.png into dir; returns the written paths. */
export function writeIcons(dir: string = ICON_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  const files: Array<[string, PNG]> = [
    ['color.png', drawColorIcon()],
    ['outline.png', drawOutlineIcon()],
  ];
  return files.map(([name, png]) => {
    const path = join(dir, name);
    writeFileSync(path, PNG.sync.write(png, { colorType: 6 }));
    return path;
  });
}

if (resolve(process.argv[1] ?? '') === __filename) {
  for (const path of writeIcons()) process.stdout.write(`✓ ${path}\n`);
}
