// Brand colour checks: the clinic's colour is used for text and buttons on white, so it must reach
// WCAG's 4.5:1 contrast for normal text.
export const minimumContrast = 4.5;

const hex = /^#([0-9a-f]{6})$/i;

function channel(value: number): number {
  const s = value / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(colour: string): number {
  const match = hex.exec(colour);
  if (!match) throw new Error(`Not a #rrggbb colour: ${colour}`);
  const value = Number.parseInt(match[1], 16);
  return 0.2126 * channel((value >> 16) & 255) + 0.7152 * channel((value >> 8) & 255) + 0.0722 * channel(value & 255);
}

/** Contrast ratio against white, 1 (white itself) to 21 (black). */
export function contrastWithWhite(colour: string): number {
  return 1.05 / (relativeLuminance(colour) + 0.05);
}
