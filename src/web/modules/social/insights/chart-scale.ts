/**
 * The geometry of the insights charts, as pure functions (tested without a browser). Charts are SVG
 * drawn by hand (no chart library). Positions are computed from the inline start, so in a right-to-left
 * page the time axis runs from right to left and bars grow leftwards; SVG has no logical
 * coordinates, hence the mirroring here rather than in CSS.
 */

export type Direction = 'ltr' | 'rtl';

export interface Frame {
  width: number;
  height: number;
  /** Room kept around the plot: labels of the value axis sit at the inline start, dates below. */
  inlineStart: number;
  inlineEnd: number;
  top: number;
  bottom: number;
  dir: Direction;
}

/** The smallest "round" number (1, 2, 2.5 or 5 × 10ⁿ) at or above `value`; 1 for nothing above zero. */
export function niceCeiling(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value - magnitude * 1e-9) return candidate;
  }
  return 10 * magnitude;
}

/**
 * The value axis for counts: a round step (at least 1) and as many steps as reach `max`, `count` at
 * most — 0, 1 000, 2 000, 3 000 for a maximum of 2 950.
 */
export function valueTicks(max: number, count = 4): number[] {
  const top = Math.max(max, 0);
  const step = Math.max(1, niceCeiling(top / count));
  const steps = Math.max(1, Math.ceil(top / step - 1e-9));
  return Array.from({ length: steps + 1 }, (_, index) => index * step);
}

function plotWidth(frame: Frame): number {
  return Math.max(0, frame.width - frame.inlineStart - frame.inlineEnd);
}

/** Where the inline start of the plot is (left in ltr, right in rtl) and which way time runs. */
export function inlineX(offset: number, frame: Frame): number {
  return frame.dir === 'rtl' ? frame.width - frame.inlineStart - offset : frame.inlineStart + offset;
}

/** x of the index-th of `count` days: the first day at the inline start, the last at the inline end. */
export function xOf(index: number, count: number, frame: Frame): number {
  const offset = count <= 1 ? plotWidth(frame) / 2 : (index * plotWidth(frame)) / (count - 1);
  return inlineX(offset, frame);
}

/** y of a value on an axis from 0 (bottom of the plot) to `ceiling` (top). */
export function yOf(value: number, ceiling: number, frame: Frame): number {
  const plotHeight = Math.max(0, frame.height - frame.top - frame.bottom);
  const ratio = ceiling > 0 ? Math.min(1, Math.max(0, value / ceiling)) : 0;
  return frame.top + plotHeight * (1 - ratio);
}

export interface LineDot {
  index: number;
  x: number;
  y: number;
  value: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The line of a daily series: one path whose sub-paths stop at days without a figure (a metric the
 * network stopped answering leaves a gap, never a fall to zero), and a dot per known day.
 */
export function linePath(values: Array<number | null>, ceiling: number, frame: Frame): { d: string; dots: LineDot[] } {
  const dots: LineDot[] = [];
  const parts: string[] = [];
  let isDrawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      isDrawing = false;
      return;
    }
    const x = round(xOf(index, values.length, frame));
    const y = round(yOf(value, ceiling, frame));
    parts.push(`${isDrawing ? 'L' : 'M'}${x} ${y}`);
    isDrawing = true;
    dots.push({ index, x, y, value });
  });
  return { d: parts.join(' '), dots };
}

/** Which of `count` days get a date under the axis: at most `max`, evenly spaced, the first and last always. */
export function labelledIndexes(count: number, max: number): number[] {
  if (count <= 0) return [];
  if (count <= max) return Array.from({ length: count }, (_, index) => index);
  const slots = Math.max(2, max);
  const indexes = new Set<number>();
  for (let slot = 0; slot < slots; slot += 1) indexes.add(Math.round((slot * (count - 1)) / (slots - 1)));
  return [...indexes].sort((a, b) => a - b);
}

/** A horizontal bar of `value` out of `ceiling` in a track `width` wide, growing from the inline start. */
export function barGeometry(value: number, ceiling: number, width: number, dir: Direction): { x: number; width: number } {
  const length = ceiling > 0 ? (Math.min(Math.max(value, 0), ceiling) / ceiling) * width : 0;
  return { x: dir === 'rtl' ? width - length : 0, width: length };
}

/**
 * The SVG `text-anchor` that puts a text's physical `edge` at its x. SVG anchors follow the text's
 * direction (`start` is the right end of right-to-left text), so the same edge needs another anchor
 * in Arabic.
 */
export function anchorFor(edge: 'left' | 'right' | 'middle', dir: Direction): 'start' | 'end' | 'middle' {
  if (edge === 'middle') return 'middle';
  const isStart = (edge === 'left') === (dir === 'ltr');
  return isStart ? 'start' : 'end';
}

/** The least and greatest known values of a series with their positions, and the sum, for the chart's words. */
export function seriesSummary(values: Array<number | null>): { min: LineDot | undefined; max: LineDot | undefined; known: number } {
  let min: LineDot | undefined;
  let max: LineDot | undefined;
  let known = 0;
  values.forEach((value, index) => {
    if (value === null) return;
    known += 1;
    if (!min || value < min.value) min = { index, x: 0, y: 0, value };
    if (!max || value > max.value) max = { index, x: 0, y: 0, value };
  });
  return { min, max, known };
}
