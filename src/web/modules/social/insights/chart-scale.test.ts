import { describe, expect, it } from 'vitest';
import {
  anchorFor,
  barGeometry,
  type Frame,
  labelledIndexes,
  linePath,
  niceCeiling,
  seriesSummary,
  valueTicks,
  xOf,
  yOf,
} from './chart-scale.js';

const frame = (dir: 'ltr' | 'rtl'): Frame => ({ width: 500, height: 200, inlineStart: 60, inlineEnd: 20, top: 10, bottom: 30, dir });

describe('value axis', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 0.3, 1, 7, 12, 20, 21, 240, 2950, 4001].map(niceCeiling)).toEqual([1, 0.5, 1, 10, 20, 20, 25, 250, 5000, 5000]);
  });

  it('takes round steps of whole numbers, only as many as reach the maximum', () => {
    expect(valueTicks(2950)).toEqual([0, 1000, 2000, 3000]);
    expect(valueTicks(3)).toEqual([0, 1, 2, 3]);
    expect(valueTicks(0)).toEqual([0, 1]);
    expect(valueTicks(100)).toEqual([0, 25, 50, 75, 100]);
    const ticks = valueTicks(12_345);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(12_345);
    expect(ticks.length).toBeLessThanOrEqual(5);
  });

  it('puts 0 at the bottom of the plot and the ceiling at its top, clamping outside values', () => {
    expect(yOf(0, 100, frame('ltr'))).toBe(170);
    expect(yOf(100, 100, frame('ltr'))).toBe(10);
    expect(yOf(50, 100, frame('rtl'))).toBe(90);
    expect(yOf(250, 100, frame('ltr'))).toBe(10);
  });
});

describe('time axis and mirroring', () => {
  it('runs left to right in French and right to left in Arabic, inside the same margins', () => {
    expect([0, 1, 2, 3, 4].map((index) => xOf(index, 5, frame('ltr')))).toEqual([60, 165, 270, 375, 480]);
    expect([0, 1, 2, 3, 4].map((index) => xOf(index, 5, frame('rtl')))).toEqual([440, 335, 230, 125, 20]);
    // A mirror image: each day at the same distance from the opposite edge.
    for (let index = 0; index < 5; index += 1) expect(xOf(index, 5, frame('rtl'))).toBe(500 - xOf(index, 5, frame('ltr')));
    expect(xOf(0, 1, frame('ltr'))).toBe(270);
  });

  it('breaks the line at a day without a figure instead of falling to zero', () => {
    const { d, dots } = linePath([10, 20, null, 40], 40, frame('ltr'));
    const moves = d.match(/M/g) ?? [];
    expect(moves).toHaveLength(2);
    expect(dots.map((dot) => dot.index)).toEqual([0, 1, 3]);
    expect(dots.every((dot) => dot.y < 170 || dot.value === 0)).toBe(true);
    const rtl = linePath([10, 20, null, 40], 40, frame('rtl'));
    expect(rtl.dots[0]?.x).toBeGreaterThan(rtl.dots[2]?.x ?? 0);
  });

  it('labels at most the dates asked, evenly, always the first and the last', () => {
    expect(labelledIndexes(5, 7)).toEqual([0, 1, 2, 3, 4]);
    expect(labelledIndexes(28, 5)).toEqual([0, 7, 14, 20, 27]);
    const ninety = labelledIndexes(90, 6);
    expect(ninety[0]).toBe(0);
    expect(ninety.at(-1)).toBe(89);
    expect(ninety.length).toBeLessThanOrEqual(6);
    expect(labelledIndexes(0, 5)).toEqual([]);
  });

  it('grows bars from the inline start', () => {
    expect(barGeometry(25, 100, 200, 'ltr')).toEqual({ x: 0, width: 50 });
    expect(barGeometry(25, 100, 200, 'rtl')).toEqual({ x: 150, width: 50 });
    expect(barGeometry(0, 0, 200, 'rtl')).toEqual({ x: 200, width: 0 });
    expect(barGeometry(500, 100, 200, 'ltr').width).toBe(200);
  });

  it('anchors a text so the same physical edge sits at its x in either direction', () => {
    expect(anchorFor('right', 'ltr')).toBe('end');
    expect(anchorFor('right', 'rtl')).toBe('start');
    expect(anchorFor('left', 'ltr')).toBe('start');
    expect(anchorFor('left', 'rtl')).toBe('end');
    expect(anchorFor('middle', 'rtl')).toBe('middle');
  });

  it('summarizes the known values of a series', () => {
    const summary = seriesSummary([null, 5, 2, 9, null]);
    expect(summary.known).toBe(3);
    expect(summary.min).toMatchObject({ index: 2, value: 2 });
    expect(summary.max).toMatchObject({ index: 3, value: 9 });
    expect(seriesSummary([null]).max).toBeUndefined();
  });
});
