/**
 * Draws the Teams app icons: appPackage/color.png (192×192, two overlapping rings on teal) and
 * appPackage/outline.png (32×32, the same rings in white on transparent).
 *
 * The PNGs are committed; run `npm run icons` only when the design changes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** an RGB colour, each channel 0–255 */
export type Rgb = readonly [number, number, number];

/** a ring: centre, radius to the middle of the stroke, stroke width; all in pixels */
export interface Ring {
  cx: number;
  cy: number;
  r: number;
  width: number;
}

export const TEAL: Rgb = [0x0f, 0x76, 0x6e];
export const WHITE: Rgb = [0xff, 0xff, 0xff];

/**
 * How much of the pixel whose centre is (x, y) the ring's stroke covers, 0–1. The distance to the
 * stroke's edge stands in for true area coverage: one pixel of linear fall-off is what keeps the
 * edge smooth without supersampling.
 */
export function ringCoverage(ring: Ring, x: number, y: number): number {
  const distance = Math.hypot(x - ring.cx, y - ring.cy);
  const outside = Math.abs(distance - ring.r) - ring.width / 2;
  return Math.min(1, Math.max(0, 0.5 - outside));
}

/** the union of several rings' coverage, as if each were painted over the others */
function coverageOf(rings: readonly Ring[], x: number, y: number): number {
  let uncovered = 1;
  for (const ring of rings) uncovered *= 1 - ringCoverage(ring, x, y);
  return 1 - uncovered;
}

/** two rings side by side, overlapping by about a third, centred in a square of `size` pixels */
export function pairOfRings(size: number, radius: number, width: number): Ring[] {
  const offset = radius * 0.62;
  const centre = size / 2;
  return [
    { cx: centre - offset, cy: centre, r: radius, width },
    { cx: centre + offset, cy: centre, r: radius, width },
  ];
}

/** full-colour icon: white rings on an opaque teal square */
export function drawColorIcon(): PNG {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  // Kept inside Teams' 120×120 safe area for the colour icon's symbol.
  const rings = pairOfRings(size, 34, 9);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverageOf(rings, x + 0.5, y + 0.5);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        png.data[i + c] = Math.round(TEAL[c]! * (1 - a) + WHITE[c]! * a);
      }
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** outline icon: pure white with alpha, everything else fully transparent, as Teams requires */
export function drawOutlineIcon(): PNG {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  const rings = pairOfRings(size, 7.5, 2);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = Math.round(coverageOf(rings, x + 0.5, y + 0.5) * 255);
      const i = (y * size + x) * 4;
      // A fully transparent pixel is written as 0,0,0,0 so that nothing but white ever carries alpha.
      const channel = alpha === 0 ? 0 : 255;
      png.data[i] = channel;
      png.data[i + 1] = channel;
      png.data[i + 2] = channel;
      png.data[i + 3] = alpha;
    }
  }
  return png;
}

export function writeIcons(appPackageDir: string): void {
  writeFileSync(path.join(appPackageDir, 'color.png'), PNG.sync.write(drawColorIcon()));
  writeFileSync(path.join(appPackageDir, 'outline.png'), PNG.sync.write(drawOutlineIcon()));
}

if (require.main === module) {
  const appPackageDir = path.resolve(__dirname, '..', 'appPackage');
  writeIcons(appPackageDir);
  console.log(`wrote color.png and outline.png to ${appPackageDir}`);
}
