import type { Settings } from 'sigma/settings';
import { describe, expect, it } from 'vitest';
import {
  drawNodeHover,
  drawNodeLabel,
  LABEL_GAP,
  labelStats,
  placeLabel,
  resetLabelStats,
} from '../src/labels.ts';
import { guessLang, isRtl, textDirection } from '../src/script.ts';

/** A recording stand-in for a 2D context: measures 7 px per character. */
function fakeContext() {
  const calls: { op: string; args: unknown[]; direction: string; align: string }[] = [];
  const ctx = {
    font: '',
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    direction: 'inherit',
    textAlign: 'start',
    shadowOffsetX: 0,
    shadowOffsetY: 0,
    shadowBlur: 0,
    shadowColor: '',
    stack: [] as string[][],
    save() {
      this.stack.push([this.direction, this.textAlign]);
    },
    restore() {
      const [d, a] = this.stack.pop()!;
      this.direction = d!;
      this.textAlign = a!;
    },
    measureText(t: string) {
      return { width: [...t].length * 7 };
    },
    record(op: string, ...args: unknown[]) {
      calls.push({ op, args, direction: this.direction, align: this.textAlign });
    },
    fillText(...a: unknown[]) {
      this.record('fillText', ...a);
    },
    strokeText(...a: unknown[]) {
      this.record('strokeText', ...a);
    },
    beginPath() {},
    closePath() {},
    fill() {
      this.record('fill');
    },
    moveTo(...a: unknown[]) {
      this.record('moveTo', ...a);
    },
    lineTo(...a: unknown[]) {
      this.record('lineTo', ...a);
    },
    arc(...a: unknown[]) {
      this.record('arc', ...a);
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls, raw: ctx };
}

// sigma's settings module needs WebGL at import time; the renderers read only these fields.
const settings = {
  labelSize: 14,
  labelFont: 'Vazirmatn',
  labelWeight: 'normal',
  labelColor: { color: '#111' },
} as unknown as Settings;
const node = { x: 200, y: 100, size: 10, color: '#000' };

describe('script direction', () => {
  it('finds the direction from the first strong letter', () => {
    expect(isRtl('سيرغي لافروف')).toBe(true);
    expect(isRtl('سرگئی لاوروف')).toBe(true);
    expect(isRtl('Sergey Lavrov')).toBe(false);
    expect(isRtl('2023 — لافروف')).toBe(true);
    expect(isRtl('UN الأمم المتحدة')).toBe(false);
    expect(isRtl('123')).toBe(false);
    expect(textDirection('قطاع غزة')).toBe('rtl');
  });

  it('tells Persian from Arabic by the letters only Persian writes', () => {
    expect(guessLang('سرگئی لاوروف، وزیر امور خارجه روسیه')).toBe('fa');
    expect(guessLang('وزير الخارجية الروسي سيرغي لافروف')).toBe('ar');
    expect(guessLang('Sergey Lavrov')).toBeUndefined();
  });
});

describe('placeLabel', () => {
  it('puts left-to-right labels right of the node', () => {
    const p = placeLabel('Lavrov', 200, 100, 10, 42, 14);
    expect(p).toMatchObject({ rtl: false, align: 'left', x: 200 + 10 + LABEL_GAP });
    expect(p.left).toBeGreaterThan(200 + 10);
  });

  it('puts right-to-left labels left of the node, ending before its rim', () => {
    const p = placeLabel('لافروف', 200, 100, 10, 42, 14);
    expect(p).toMatchObject({ rtl: true, align: 'right', x: 200 - 10 - LABEL_GAP });
    expect(p.right).toBeLessThan(200 - 10);
    expect(p.left).toBe(p.right - 42);
  });
});

describe('drawNodeLabel', () => {
  it('draws Arabic with direction rtl, anchored left of the node', () => {
    const { ctx, calls, raw } = fakeContext();
    resetLabelStats();
    drawNodeLabel(ctx, { ...node, label: 'سيرغي لافروف' }, settings);
    const fill = calls.find((c) => c.op === 'fillText')!;
    expect(fill.direction).toBe('rtl');
    expect(fill.align).toBe('right');
    expect(fill.args[1]).toBe(200 - 10 - LABEL_GAP);
    expect(labelStats).toEqual({ drawn: 1, rtl: 1, rtlBeside: 1 });
    expect(raw.direction).toBe('inherit'); // state restored
  });

  it('draws Latin labels as sigma does, right of the node', () => {
    const { ctx, calls } = fakeContext();
    resetLabelStats();
    drawNodeLabel(ctx, { ...node, label: 'Sergey Lavrov' }, settings);
    const fill = calls.find((c) => c.op === 'fillText')!;
    expect(fill.direction).toBe('ltr');
    expect(fill.args[1]).toBe(200 + 10 + LABEL_GAP);
    expect(labelStats.rtl).toBe(0);
  });

  it('draws nothing without a label', () => {
    const { ctx, calls } = fakeContext();
    drawNodeLabel(ctx, { ...node, label: '' }, settings);
    expect(calls).toHaveLength(0);
  });
});

describe('drawNodeHover', () => {
  it('mirrors the hover box to the left for right-to-left labels', () => {
    const { ctx, calls } = fakeContext();
    drawNodeHover(ctx, { ...node, label: 'لاوروف' }, settings);
    const xs = calls.filter((c) => c.op === 'lineTo').map((c) => c.args[0] as number);
    expect(Math.min(...xs)).toBeLessThan(200 - 10 - 6 * 7);
    expect(Math.max(...xs)).toBeLessThan(200);
  });

  it('keeps the box on the right for left-to-right labels', () => {
    const { ctx, calls } = fakeContext();
    drawNodeHover(ctx, { ...node, label: 'Lavrov' }, settings);
    const xs = calls.filter((c) => c.op === 'lineTo').map((c) => c.args[0] as number);
    expect(Math.min(...xs)).toBeGreaterThan(200);
  });
});
