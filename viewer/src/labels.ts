/**
 * viewer/labels — sigma label and hover renderers that lay out right-to-left labels correctly.
 *
 * sigma's default renderer writes every label starting just right of its node; an Arabic or
 * Persian label drawn that way runs back over the node (sigma issue #979). Here a right-to-left
 * label is drawn with `ctx.direction = 'rtl'`, anchored by its right edge just left of the node
 * (its width measured with `ctx.measureText`), and the hover box is mirrored to match.
 * Left-to-right labels keep sigma's placement. A white halo keeps labels readable over edges.
 */
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import { isRtl } from './script.ts';

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;
// biome-ignore lint/suspicious/noExplicitAny: sigma's settings are generic over attribute types.
type AnySettings = Settings<any, any, any>;

/** Gap in pixels between a node's rim and its label. */
export const LABEL_GAP = 3;

/** Where a label goes: the anchor x, the alignment, and the horizontal extent of its text. */
export interface LabelPlacement {
  rtl: boolean;
  /** x passed to fillText. */
  x: number;
  y: number;
  align: 'left' | 'right';
  left: number;
  right: number;
}

/** Place a label of measured `width` beside a node at (x, y) of radius `size`. */
export function placeLabel(
  label: string,
  x: number,
  y: number,
  size: number,
  width: number,
  fontSize: number,
): LabelPlacement {
  const rtl = isRtl(label);
  const ty = y + fontSize / 3;
  if (rtl) {
    const anchor = x - size - LABEL_GAP;
    return { rtl, x: anchor, y: ty, align: 'right', left: anchor - width, right: anchor };
  }
  const anchor = x + size + LABEL_GAP;
  return { rtl, x: anchor, y: ty, align: 'left', left: anchor, right: anchor + width };
}

/** Counts of what the label renderers drew since the last reset (read by the debug hook). */
export interface LabelStats {
  drawn: number;
  rtl: number;
  /** Right-to-left labels whose text ends left of their node's rim (should equal `rtl`). */
  rtlBeside: number;
}

export const labelStats: LabelStats = { drawn: 0, rtl: 0, rtlBeside: 0 };

/** Reset the per-frame label counters. */
export function resetLabelStats(): void {
  labelStats.drawn = 0;
  labelStats.rtl = 0;
  labelStats.rtlBeside = 0;
}

function fontOf(settings: AnySettings): { size: number; font: string } {
  const size = settings.labelSize;
  return { size, font: `${settings.labelWeight} ${size}px ${settings.labelFont}` };
}

function labelColor(data: LabelData, settings: AnySettings): string {
  const lc = settings.labelColor;
  if (lc.attribute) {
    const v = (data as unknown as Record<string, unknown>)[lc.attribute];
    return typeof v === 'string' ? v : lc.color || '#000';
  }
  return lc.color ?? '#000';
}

/** sigma `defaultDrawNodeLabel`: beside the node, on its left for right-to-left text. */
export function drawNodeLabel(
  ctx: CanvasRenderingContext2D,
  data: LabelData,
  settings: AnySettings,
): void {
  if (!data.label) return;
  const { size, font } = fontOf(settings);
  ctx.save();
  ctx.font = font;
  const rtl = isRtl(data.label);
  ctx.direction = rtl ? 'rtl' : 'ltr';
  const width = ctx.measureText(data.label).width;
  const p = placeLabel(data.label, data.x, data.y, data.size, width, size);
  ctx.textAlign = p.align;
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.85)';
  ctx.strokeText(data.label, p.x, p.y);
  ctx.fillStyle = labelColor(data, settings);
  ctx.fillText(data.label, p.x, p.y);
  ctx.restore();
  labelStats.drawn++;
  if (p.rtl) {
    labelStats.rtl++;
    if (p.right <= data.x - data.size) labelStats.rtlBeside++;
  }
}

/** sigma `defaultDrawNodeHover`: a shadowed box joining the node and its label, mirrored for RTL. */
export function drawNodeHover(
  ctx: CanvasRenderingContext2D,
  data: LabelData,
  settings: AnySettings,
): void {
  const { size, font } = fontOf(settings);
  const PADDING = 2;
  ctx.save();
  ctx.font = font;
  ctx.fillStyle = '#fff';
  ctx.shadowOffsetX = 0;
  ctx.shadowOffsetY = 0;
  ctx.shadowBlur = 8;
  ctx.shadowColor = '#000';
  if (typeof data.label === 'string' && data.label) {
    const rtl = isRtl(data.label);
    ctx.direction = rtl ? 'rtl' : 'ltr';
    const boxWidth = Math.round(ctx.measureText(data.label).width + 5);
    const boxHeight = Math.round(size + 2 * PADDING);
    const radius = Math.max(data.size, size / 2) + PADDING;
    const angle = Math.asin(Math.min(1, boxHeight / 2 / radius));
    const dx = Math.sqrt(Math.abs(radius ** 2 - (boxHeight / 2) ** 2));
    const { x, y } = data;
    ctx.beginPath();
    if (rtl) {
      ctx.moveTo(x - dx, y - boxHeight / 2);
      ctx.lineTo(x - radius - boxWidth, y - boxHeight / 2);
      ctx.lineTo(x - radius - boxWidth, y + boxHeight / 2);
      ctx.lineTo(x - dx, y + boxHeight / 2);
      ctx.arc(x, y, radius, Math.PI - angle, angle - Math.PI, true);
    } else {
      ctx.moveTo(x + dx, y + boxHeight / 2);
      ctx.lineTo(x + radius + boxWidth, y + boxHeight / 2);
      ctx.lineTo(x + radius + boxWidth, y - boxHeight / 2);
      ctx.lineTo(x + dx, y - boxHeight / 2);
      ctx.arc(x, y, radius, angle, -angle);
    }
    ctx.closePath();
    ctx.fill();
  } else {
    ctx.beginPath();
    ctx.arc(data.x, data.y, data.size + PADDING, 0, Math.PI * 2);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
  drawNodeLabel(ctx, data, settings);
}
