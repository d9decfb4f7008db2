// Sizes and colours of the handout: one set for normal print, one for large print.
import { handoutFontFamily } from "./fonts";
import type { Paper } from "./options";

export const paperSizes: Record<Paper, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
};

export interface Metrics {
  large: boolean;
  margin: number;
  footerSpace: number;
  body: number;
  small: number;
  footer: number;
  h1: number;
  h2: number;
  name: number;
  dose: number;
  lineHeight: number;
  /** width of one picture panel (start or end) */
  figureWidth: number;
  /** tallest a picture may be; tall standing figures are narrowed to fit */
  figureMaxHeight: number;
  figureGap: number;
  qr: number;
  logoHeight: number;
  badge: number;
  gridDay: number;
  gridRow: number;
  gap: number;
}

export function metricsFor(largePrint: boolean, paper: Paper): Metrics {
  const margin = largePrint ? 36 : 40;
  const content = paperSizes[paper].width - 2 * margin;
  if (!largePrint) {
    return {
      large: false,
      margin,
      footerSpace: 46,
      body: 10.5,
      small: 8.5,
      footer: 8.5,
      h1: 20,
      h2: 14.5,
      name: 13,
      dose: 11,
      lineHeight: 1.35,
      figureWidth: 100,
      figureMaxHeight: 108,
      figureGap: 8,
      qr: 84,
      logoHeight: 44,
      badge: 20,
      gridDay: 40,
      gridRow: 24,
      gap: 10,
    };
  }
  return {
    large: true,
    margin,
    footerSpace: 62,
    body: 16,
    small: 14,
    footer: 12,
    h1: 28,
    h2: 22,
    name: 22,
    dose: 17,
    lineHeight: 1.35,
    figureWidth: Math.floor((content - 16) / 2),
    figureMaxHeight: 300,
    figureGap: 16,
    qr: 120,
    logoHeight: 60,
    badge: 30,
    gridDay: 40,
    gridRow: 32,
    gap: 14,
  };
}

export const font = handoutFontFamily;

export const ink = {
  text: "#1b1f24",
  muted: "#555d66",
  rule: "#c9ced4",
  faint: "#f3f4f6",
  urgent: "#b3261e",
  urgentTint: "#fdeceb",
  sameDay: "#8a5a00",
  sameDayTint: "#fff5dd",
  caution: "#b76e00",
  cautionTint: "#fff8e8",
  bandGreen: "#1e7b3a",
  bandAmber: "#a86400",
  bandRed: "#b3261e",
};

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function rgbToHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * amount) as Rgb;
}

const white: Rgb = [255, 255, 255];
const black: Rgb = [0, 0, 0];

export interface Accent {
  /** The clinic's colour as chosen, for bars and badges. */
  fill: string;
  /** Text drawn on `fill`: white or near-black, whichever reads. */
  onFill: string;
  /** The clinic's colour darkened until it reads as text on white paper. */
  text: string;
  /** A pale wash of the colour for boxes. */
  tint: string;
}

/** Any clinic colour yields readable text: a pale yellow accent still gives dark headings. */
export function accentFrom(hex: string): Accent {
  const rgb = hexToRgb(hex);
  let text = rgb;
  for (let step = 0; step < 20 && contrast(text, white) < 4.5; step++) text = mix(text, black, 0.1);
  return {
    fill: hex,
    onFill: contrast(rgb, white) >= 3 ? "#ffffff" : "#111111",
    text: rgbToHex(text),
    tint: rgbToHex(mix(rgb, white, 0.9)),
  };
}
