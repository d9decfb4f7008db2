// The handout as a react-pdf document. Every piece of clinic, patient or catalogue text is
// passed as a child string, never parsed as markup.
//
// The document is split into pages here, from measured heights (measure.ts), rather than by
// react-pdf: its paginator lays out the whole remaining document again at every page break,
// which tripled render time. Each block's height is computed beside its JSX from the same
// numbers. If a measurement ever falls short, react-pdf still moves the overflow to an extra
// sheet and the "Page x of y" footer (a render prop) stays right; only the packing suffers.
import { Fragment, type ReactElement, type ReactNode } from "react";
import { Canvas, Document, Image, Link, Page, Text, View, type DocumentProps } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import { BoundedCache } from "@/lib/cache/bounded-cache";
import type { FigureSpec } from "@/lib/figures/model";
import { PdfFigure } from "@/lib/figures/pdf";
import { renderFigure, type FigureDrawing } from "@/lib/figures/render";
import type { EducationSection } from "@/lib/catalogue/conditions";
import { telHref } from "@/lib/clinic/phone";
import { clinicClock, formatLongDate } from "@/lib/dates/format";
import type { PlanSnapshot, SnapshotItem } from "@/lib/plans/snapshot";
import { progressionAdvice } from "@/lib/plans/progression-advice";
import { chooseEducation, educationPieces, type EducationPiece } from "./education";
import { mailtoHref, websiteHref } from "./links";
import type { Measurer, Run } from "./measure";
import type { HandoutOptions, Paper } from "./options";
import { QrCode } from "./qr";
import { accentFrom, font, ink, metricsFor, paperSizes, type Accent, type Metrics } from "./theme";


type SafetyList = PlanSnapshot["safety"]["urgent"];

interface Ctx {
  m: Metrics;
  accent: Accent;
  contentWidth: number;
  /** height available to content on one page, less a point in reserve for rounding */
  contentHeight: number;
  /** the page's height between its top and bottom padding */
  pageContentHeight: number;
  /** line height of body text, in points: every Text inherits it unless it sets its own */
  line: number;
  snapshot: PlanSnapshot;
  measure: Measurer;
}

/** A piece of a page: what to draw and how tall it will be. */
interface Block {
  node: ReactElement;
  height: number;
}

const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function orderedItems(snapshot: PlanSnapshot): SnapshotItem[] {
  return [...snapshot.items].sort((a, b) => a.position - b.position);
}

/** Height of body-line-spaced text wrapped to `width`. */
function textHeight(ctx: Ctx, runs: Run[] | string, width: number, size = ctx.m.body): number {
  return ctx.measure.lines(runs, width, size) * ctx.line;
}

// ------------------------------------------------------------------ small pieces

function bullet(
  ctx: Ctx,
  key: string | number,
  content: ReactNode,
  runs: Run[] | string,
  width: number,
  marker = "•",
  color?: string,
): Block {
  const { m } = ctx;
  const markerWidth = m.body * (marker.length > 1 ? 1.7 : 1.1);
  const marginBottom = m.large ? 5 : ctx.line < m.body * m.lineHeight - 0.5 ? 1.5 : 2.5;
  return {
    height: textHeight(ctx, runs, width - markerWidth) + marginBottom,
    node: (
      <View key={key} style={{ flexDirection: "row", marginBottom }}>
        <Text style={{ width: markerWidth, color: color ?? ink.text, fontWeight: 700 }}>{marker}</Text>
        <Text style={{ flex: 1 }}>{content}</Text>
      </View>
    ),
  };
}

function sectionHeading(ctx: Ctx, text: string): Block {
  const { m, accent } = ctx;
  const lineHeight = m.h2 * 1.25;
  return {
    height:
      m.gap + ctx.measure.lines([{ text, bold: true }], ctx.contentWidth, m.h2) * lineHeight + 3 + 1.5 + m.gap * 0.6,
    node: (
      <Text
        style={{
          fontSize: m.h2,
          lineHeight: `${lineHeight}pt`,
          fontWeight: 700,
          color: accent.text,
          marginTop: m.gap,
          marginBottom: m.gap * 0.6,
          paddingBottom: 3,
          borderBottomWidth: 1.5,
          borderBottomColor: accent.fill,
        }}
      >
        {text}
      </Text>
    ),
  };
}

function stack(blocks: Block[], style?: Style, extraHeight = 0, wrap = false, frame?: Frame): Block {
  const content = blocks.map((block, i) => <Fragment key={i}>{block.node}</Fragment>);
  return {
    height: blocks.reduce((sum, block) => sum + block.height, 0) + extraHeight,
    node: frame ? (
      <Framed frame={frame} style={style ?? {}} wrap={wrap}>
        {content}
      </Framed>
    ) : (
      <View style={style} wrap={wrap}>
        {content}
      </View>
    ),
  };
}

/** A box's border on all four sides, one width and colour, with rounded corners. */
interface Frame {
  border: number;
  colour: string;
  radius: number;
  background?: string;
}

const sides = ["Top", "Right", "Bottom", "Left"] as const;

/**
 * A box with a rounded border (and a background), painted by one canvas behind its content.
 * react-pdf draws each side of a rounded border on its own through three clipping paths: ~2.5 KB
 * of page content a box, and a handout has ~40 such boxes (cards, picture frames, the QR code,
 * the pain guide, the safety boxes). A rounded rectangle stroked along the middle of the border
 * covers the same ring. The border's width moves into the padding, so the content stays put.
 */
function Framed({ frame, style, wrap, children }: { frame: Frame; style: Style; wrap?: boolean; children: ReactNode }) {
  const padded: Style = { ...style };
  for (const side of sides) {
    const axis = side === "Top" || side === "Bottom" ? style.paddingVertical : style.paddingHorizontal;
    const padding = style[`padding${side}`] ?? axis ?? style.padding ?? 0;
    padded[`padding${side}`] = (typeof padding === "number" ? padding : Number.parseFloat(padding)) + frame.border;
  }
  delete padded.padding;
  delete padded.paddingVertical;
  delete padded.paddingHorizontal;
  return (
    <View style={padded} wrap={wrap}>
      <Canvas
        style={{ position: "absolute", top: 0, right: 0, bottom: 0, left: 0 }}
        paint={(painter: FramePainter, width = 0, height = 0) => {
          if (frame.background) painter.roundedRect(0, 0, width, height, frame.radius).fill(frame.background);
          const inset = frame.border / 2;
          painter
            .roundedRect(inset, inset, width - frame.border, height - frame.border, Math.max(0, frame.radius - inset))
            .lineWidth(frame.border)
            .stroke(frame.colour);
          return null;
        }}
      />
      {children}
    </View>
  );
}

/** The part of react-pdf's Canvas painter (pdfkit's drawing calls) a frame uses. */
interface FramePainter {
  rect(x: number, y: number, width: number, height: number): FramePainter;
  roundedRect(x: number, y: number, width: number, height: number, radius: number): FramePainter;
  lineWidth(width: number): FramePainter;
  fill(colour: string): FramePainter;
  stroke(colour: string): FramePainter;
}

/** Space between the two columns of a bulleted list set in two columns. */
const listColumnGap = 10;

/**
 * A bulleted list in two columns side by side, in reading order, split where the taller column
 * is shortest (the first column on a tie).
 */
function bulletColumns(ctx: Ctx, items: string[], width: number, colour?: string): Block {
  const columnWidth = (width - listColumnGap) / 2;
  const bullets = items.map((item, i) => bullet(ctx, i, item, item, columnWidth, "•", colour));
  const total = bullets.reduce((sum, block) => sum + block.height, 0);
  let split = bullets.length;
  let best = total;
  let first = 0;
  for (let i = 1; i < bullets.length; i++) {
    first += bullets[i - 1].height;
    const taller = Math.max(first, total - first);
    if (taller < best) {
      best = taller;
      split = i;
    }
  }
  const halves = [bullets.slice(0, split), bullets.slice(split)];
  return { height: best, node: sideBySide(halves, columnWidth, listColumnGap) };
}

/** Columns of blocks side by side, `gap` apart. */
function sideBySide(columns: Block[][], columnWidth: number, gap: number): ReactElement {
  return (
    <View style={{ flexDirection: "row" }}>
      {columns.map((column, i) => (
        <View key={i} style={{ width: columnWidth, marginLeft: i > 0 ? gap : 0 }}>
          {column.map((block, j) => (
            <Fragment key={j}>{block.node}</Fragment>
          ))}
        </View>
      ))}
    </View>
  );
}

/** A pale box with a coloured left edge, for the clinician's notes and what changed. */
function callout(ctx: Ctx, colour: string, tint: string, body: (innerWidth: number) => Block[], width = ctx.contentWidth): Block {
  const { m } = ctx;
  const padding = m.large ? 12 : 8;
  const paddingLeft = m.large ? 14 : 10;
  const border = m.large ? 5 : 3.5;
  const inner = width - paddingLeft - padding - border;
  const parts = body(inner);
  return stack(
    parts,
    {
      backgroundColor: tint,
      borderLeftWidth: border,
      borderLeftColor: colour,
      padding,
      paddingLeft,
      marginBottom: m.gap,
      borderRadius: 2,
    },
    2 * padding + m.gap,
  );
}

// ------------------------------------------------------------------ first page

function clinicHeader(ctx: Ctx): Block {
  const { m, accent, snapshot } = ctx;
  const { clinic } = snapshot;
  // Each piece is a link where it makes one: a tap on a PDF reader dials, writes or opens it.
  const contact = [
    clinic.phone ? { text: `Phone ${clinic.phone}`, href: telHref(clinic.phone) } : null,
    clinic.email ? { text: clinic.email, href: mailtoHref(clinic.email) } : null,
    clinic.website ? { text: clinic.website, href: websiteHref(clinic.website) } : null,
  ].filter((part): part is { text: string; href: string | null } => part !== null);
  const nameSize = m.large ? m.h2 : 15;
  const gapAfterLogo = m.gap * 1.2;
  // The logo keeps its proportions within a box up to three times as wide as it is tall.
  const textWidth = ctx.contentWidth - (clinic.logo ? m.logoHeight * 3 + gapAfterLogo : 0);
  const itemGap = m.large ? 18 : 14;
  let contactRows = contact.length > 0 ? 1 : 0;
  let used = 0;
  for (const part of contact) {
    const w = ctx.measure.width(part.text, m.small) + itemGap;
    if (used > 0 && used + w > textWidth) {
      contactRows++;
      used = 0;
    }
    used += w;
  }
  const textBlockHeight =
    ctx.measure.lines([{ text: clinic.name, bold: true }], textWidth, nameSize) * ctx.line +
    (contact.length > 0 ? 2 + contactRows * ctx.line : 0) +
    (clinic.address ? 1 + textHeight(ctx, clinic.address, textWidth, m.small) : 0);
  return {
    height: Math.max(clinic.logo ? m.logoHeight : 0, textBlockHeight) + 2 * m.gap + 3,
    node: (
      <View
        style={{
          flexDirection: "row",
          alignItems: "center",
          paddingBottom: m.gap,
          marginBottom: m.gap,
          borderBottomWidth: 3,
          borderBottomColor: accent.fill,
        }}
      >
        {clinic.logo ? (
          // eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image, not an HTML img; it takes no alt
          <Image
            src={{ data: Buffer.from(clinic.logo.base64, "base64"), format: clinic.logo.mimeType === "image/png" ? "png" : "jpg" }}
            style={{ height: m.logoHeight, maxWidth: m.logoHeight * 3, objectFit: "contain", marginRight: gapAfterLogo }}
          />
        ) : null}
        <View style={{ flex: 1 }}>
          <Text style={{ fontSize: nameSize, fontWeight: 700, color: accent.text }}>{clinic.name}</Text>
          {contact.length > 0 ? (
            // Separate pieces that wrap as whole units, so a long address never leaves a stray separator.
            <View style={{ flexDirection: "row", flexWrap: "wrap", marginTop: 2 }}>
              {contact.map((part, i) =>
                part.href ? (
                  <Link key={i} src={part.href} style={{ fontSize: m.small, color: accent.text, marginRight: itemGap, textDecoration: "none" }}>
                    {part.text}
                  </Link>
                ) : (
                  <Text key={i} style={{ fontSize: m.small, color: ink.muted, marginRight: itemGap }}>
                    {part.text}
                  </Text>
                ),
              )}
            </View>
          ) : null}
          {clinic.address ? <Text style={{ fontSize: m.small, color: ink.muted, marginTop: 1 }}>{clinic.address}</Text> : null}
        </View>
      </View>
    ),
  };
}

function titleBlock(ctx: Ctx, link: string): Block {
  const { m, snapshot } = ctx;
  const qrBox = m.qr + 14;
  const leftWidth = ctx.contentWidth - qrBox - m.gap;
  const labelWidth = m.large ? 110 : 72;
  const metaGap = m.large ? 4 : 2;
  const meta: [string, string][] = [
    ["For", snapshot.patient.displayName],
    ["From", snapshot.clinician.name],
    ["Issued", `${formatLongDate(snapshot.issuedAt, clinicClock(snapshot.clinic.timeZone))}  ·  Version ${snapshot.version}`],
  ];
  if (snapshot.startDate) meta.push(["Start", formatLongDate(snapshot.startDate)]);
  if (snapshot.reviewDate) meta.push(["Review", formatLongDate(snapshot.reviewDate)]);
  const titleLine = m.h1 * 1.15;
  const leftHeight =
    ctx.measure.lines([{ text: snapshot.title, bold: true }], leftWidth, m.h1) * titleLine +
    m.gap * 0.7 +
    meta.reduce((sum, [, value]) => sum + textHeight(ctx, [{ text: value, bold: true }], leftWidth - labelWidth) + metaGap, 0);
  const caption = "Scan to open your plan online";
  const captionSize = m.large ? m.small : 8;
  const rightHeight = 2 * 6 + 2 + m.qr + 3 + textHeight(ctx, caption, qrBox - 14, captionSize);
  return {
    height: Math.max(leftHeight, rightHeight) + m.gap,
    node: (
      <View style={{ flexDirection: "row", marginBottom: m.gap }}>
        <View style={{ width: leftWidth, marginRight: m.gap }}>
          <Text style={{ fontSize: m.h1, fontWeight: 700, marginBottom: m.gap * 0.7, lineHeight: `${titleLine}pt` }}>
            {snapshot.title}
          </Text>
          {meta.map(([label, value]) => (
            <View key={label} style={{ flexDirection: "row", marginBottom: metaGap }}>
              <Text style={{ width: labelWidth, color: ink.muted }}>{label}</Text>
              <Text style={{ flex: 1, fontWeight: 700 }}>{value}</Text>
            </View>
          ))}
        </View>
        <Framed frame={{ border: 1, colour: ink.rule, radius: 4 }} style={{ width: qrBox, alignItems: "center", padding: 6 }}>
          <QrCode link={link} width={m.qr} />
          <Text style={{ fontSize: captionSize, textAlign: "center", marginTop: 3 }}>{caption}</Text>
        </Framed>
      </View>
    ),
  };
}

function howToUse(ctx: Ctx): Block {
  const text =
    "Do each exercise as the pictures and steps show, at the dose in bold. Before you start, read the pain " +
    "guide below and the “Staying safe” page. The chart on the last page is for ticking off each session.";
  return {
    height: textHeight(ctx, text, ctx.contentWidth) + ctx.m.gap,
    node: <Text style={{ marginBottom: ctx.m.gap }}>{text}</Text>,
  };
}

/** Under "Your exercises" when any exercise has "Too easy? / Too hard?": when to move on, in small print. */
function progressionNote(ctx: Ctx): Block | null {
  if (!ctx.snapshot.items.some((item) => item.progression)) return null;
  const { m } = ctx;
  const line = Math.round(m.small * m.lineHeight * 10) / 10;
  return {
    height: ctx.measure.lines(progressionAdvice, ctx.contentWidth, m.small) * line + m.gap * 0.6,
    node: <Text style={{ fontSize: m.small, lineHeight: `${line}pt`, marginBottom: m.gap * 0.6, color: ink.muted }}>{progressionAdvice}</Text>,
  };
}

function notes(ctx: Ctx, width = ctx.contentWidth): Block | null {
  const { snapshot, accent } = ctx;
  const text = snapshot.notes?.trim();
  if (!text) return null;
  const title = `A note from ${snapshot.clinician.name}`;
  return callout(
    ctx,
    accent.fill,
    accent.tint,
    (inner) => [
      {
        height: textHeight(ctx, [{ text: title, bold: true }], inner) + 3,
        node: <Text style={{ fontWeight: 700, marginBottom: 3 }}>{title}</Text>,
      },
      { height: textHeight(ctx, text, inner), node: <Text>{text}</Text> },
    ],
    width,
  );
}

function whatChanged(ctx: Ctx, width = ctx.contentWidth): Block | null {
  const { snapshot, accent, m } = ctx;
  const changes = snapshot.changes;
  if (!changes) return null;
  const none = changes.added.length + changes.removed.length + changes.changed.length === 0;
  const titleSize = m.large ? m.body + 2 : m.body + 1;
  const title = `What changed since version ${changes.previousVersion}`;
  return callout(ctx, accent.fill, accent.tint, (inner) => {
    const parts: Block[] = [
      {
        height: ctx.measure.lines([{ text: title, bold: true }], inner, titleSize) * ctx.line + 1,
        node: <Text style={{ fontWeight: 700, fontSize: titleSize, marginBottom: 1 }}>{title}</Text>,
      },
    ];
    if (none) {
      const text = `Your exercises are the same as in version ${changes.previousVersion}.`;
      parts.push({ height: textHeight(ctx, text, inner), node: <Text>{text}</Text> });
    }
    for (const [label, names] of [
      ["New", changes.added],
      ["Removed", changes.removed],
      ["Changed", changes.changed],
    ] as const) {
      if (names.length === 0) continue;
      const list = names.join("; ");
      parts.push({
        height: 2 + textHeight(ctx, [{ text: `${label}: `, bold: true }, { text: list }], inner),
        node: (
          <Text style={{ marginTop: 2 }}>
            <Text style={{ fontWeight: 700 }}>{`${label}: `}</Text>
            {list}
          </Text>
        ),
      });
    }
    return parts;
  }, width);
}

/**
 * The clinician's note and what changed: side by side when there are both, as two short boxes
 * stacked took a fifth of the first page and pushed the pain guide over to the next.
 */
function noteAndChanges(ctx: Ctx): Block[] {
  const { m } = ctx;
  const single = [notes(ctx), whatChanged(ctx)].filter((block): block is Block => block !== null);
  if (single.length < 2 || m.large) return single;
  const half = (ctx.contentWidth - m.gap) / 2;
  const pair = [notes(ctx, half)!, whatChanged(ctx, half)!];
  return [
    {
      height: Math.max(...pair.map((block) => block.height)),
      node: (
        <View style={{ flexDirection: "row", justifyContent: "space-between", alignItems: "stretch" }}>
          {pair.map((block, i) => (
            <View key={i} style={{ width: half, flexDirection: "column" }}>
              {block.node}
            </View>
          ))}
        </View>
      ),
    },
  ];
}

function bandColour(to: number): string {
  if (to <= 3) return ink.bandGreen;
  if (to <= 5) return ink.bandAmber;
  return ink.bandRed;
}

function painRule(outer: Ctx): Block {
  const { m, snapshot } = outer;
  // Set like the safety lists: normal print a little tighter (the same type size), so the guide
  // keeps to the first page under the title, the notes and what changed.
  const ctx = tightCtx(outer);
  const rule = snapshot.safety.painRule;
  const padding = m.large ? 12 : 7;
  const inner = ctx.contentWidth - 2 - 2 * padding;
  const headingSize = m.large ? m.h2 - 2 : m.body + 2;
  const chipWidth = m.large ? 96 : 62;
  const parts: Block[] = [
    {
      height: ctx.measure.lines([{ text: rule.heading, bold: true }], inner, headingSize) * ctx.line + 3,
      node: <Text style={{ fontWeight: 700, fontSize: headingSize, marginBottom: 3 }}>{rule.heading}</Text>,
    },
  ];
  if (rule.intro.trim() !== "") {
    parts.push({ height: textHeight(ctx, rule.intro, inner) + 6, node: <Text style={{ marginBottom: 6 }}>{rule.intro}</Text> });
  }
  rule.bands.forEach((band, i) => {
    const runs: Run[] = [{ text: `${band.label}. `, bold: true }, { text: band.advice }];
    parts.push({
      height: Math.max(ctx.line + 6, textHeight(ctx, runs, inner - chipWidth - 8)) + 4,
      node: (
        <View key={i} style={{ flexDirection: "row", marginBottom: 4 }}>
          <View
            style={{
              width: chipWidth,
              backgroundColor: bandColour(band.to),
              borderRadius: 3,
              justifyContent: "center",
              alignItems: "center",
              paddingVertical: 3,
            }}
          >
            <Text style={{ color: "#ffffff", fontWeight: 700 }}>{`${band.from}–${band.to}`}</Text>
          </View>
          <View style={{ flex: 1, paddingLeft: 8, justifyContent: "center" }}>
            <Text>
              <Text style={{ fontWeight: 700 }}>{`${band.label}. `}</Text>
              {band.advice}
            </Text>
          </View>
        </View>
      ),
    });
  });
  rule.notes.forEach((note, i) => parts.push(bullet(ctx, i, note, note, inner)));
  return stack(
    parts,
    { padding, marginBottom: m.gap, lineHeight: `${ctx.line}pt` },
    2 + 2 * padding + m.gap,
    false,
    { border: 1, colour: ink.rule, radius: 4 },
  );
}

// ------------------------------------------------------------------ education

/** Space between the two columns of the education pages. */
const educationColumnGap = 18;
/** The share of a page that must be left under the last exercise for the education to start there. */
const sharedEducationRoom = 0.4;

/** Sections of the patient page's education as blocks a column can break between. */
function educationBlocks(ctx: Ctx, pieces: EducationPiece[], width: number, leftOut: number): Block[] {
  const { m, accent } = ctx;
  const blocks: Block[] = [];
  // A heading waits here for the first block of what it heads, so no column ends with one.
  let heads: Block[] = [];
  const add = (block: Block) => {
    blocks.push(heads.length > 0 ? stack([...heads, block]) : block);
    heads = [];
  };
  const groupTitle = (text: string, colour: string): Block => {
    const size = m.large ? m.body + 3 : m.body + 2;
    const lineHeight = size * 1.25;
    const marginTop = blocks.length === 0 && heads.length === 0 ? 0 : m.gap;
    return {
      height: marginTop + ctx.measure.lines([{ text, bold: true }], width, size) * lineHeight + 2,
      node: <Text style={{ fontSize: size, lineHeight: `${lineHeight}pt`, fontWeight: 700, color: colour, marginTop, marginBottom: 2 }}>{text}</Text>,
    };
  };
  const paragraph = (text: string, colour: string = ink.text): Block => {
    const marginBottom = m.large ? 5 : 3;
    return { height: textHeight(ctx, text, width) + marginBottom, node: <Text style={{ color: colour, marginBottom }}>{text}</Text> };
  };
  const section = (value: EducationSection) => {
    const marginTop = m.large ? 6 : 4;
    heads.push({
      height: marginTop + textHeight(ctx, [{ text: value.heading, bold: true }], width) + 1,
      node: <Text style={{ fontWeight: 700, marginTop, marginBottom: 1 }}>{value.heading}</Text>,
    });
    for (const text of value.paragraphs) add(paragraph(text));
    (value.bullets ?? []).forEach((text, i) => add(bullet(ctx, i, text, text, width)));
  };
  let general = false;
  for (const piece of pieces) {
    if (piece.kind === "condition") {
      heads.push(groupTitle(piece.condition.name, accent.text));
      add(paragraph(piece.condition.summary));
    } else if (piece.kind === "condition-section") {
      section(piece.section);
    } else {
      if (!general) heads.push(groupTitle("Back and knee pain: the basics", accent.text));
      general = true;
      section(piece.section);
    }
  }
  if (leftOut > 0) {
    const text = "There is more about your condition, and about back and knee pain, on your online plan: scan the code on the first page.";
    const marginTop = m.large ? 8 : 6;
    blocks.push({ height: marginTop + textHeight(ctx, text, width), node: <Text style={{ marginTop, color: ink.muted }}>{text}</Text> });
  }
  return blocks;
}

/**
 * Pours blocks into columns in reading order, `columns` to a region and each as tall as its
 * region; null when they need more regions than `regions` lists.
 */
function pourColumns(blocks: Block[], regions: number[], columns: number): Block[][][] | null {
  const poured: Block[][][] = [];
  let region = 0;
  let column: Block[] = [];
  let used = 0;
  const open = () => {
    column = [];
    used = 0;
    if (poured.length <= region) poured.push([]);
    poured[region].push(column);
  };
  if (regions.length === 0) return blocks.length === 0 ? [] : null;
  open();
  for (const block of blocks) {
    while (used + block.height > regions[region]) {
      if (poured[region].length < columns) {
        open();
      } else if (region + 1 < regions.length) {
        region++;
        open();
      } else {
        return null;
      }
    }
    column.push(block);
    used += block.height;
  }
  return poured;
}

/** One page's share of the education: a heading, then the columns side by side. */
function educationRegion(ctx: Ctx, heading: Block, columns: Block[][], columnWidth: number): Block {
  const height = Math.max(...columns.map((column) => column.reduce((sum, block) => sum + block.height, 0)), 0);
  return {
    height: heading.height + height,
    node: (
      <View>
        {heading.node}
        {sideBySide(columns, columnWidth, educationColumnGap)}
      </View>
    ),
  };
}

/**
 * The condition education, as much as fits on two pages (education.ts chooses what goes when it
 * does not). When the last exercise page has a good part of a page left (`after`), the education
 * starts there and is kept to that room and the next page; otherwise it takes two pages of its
 * own. Either way it spans at most two pages. Returns its regions, one a page: the first goes
 * under `after` when `shared`.
 */
function education(ctx: Ctx, after: Block[] | undefined): { regions: Block[]; shared: boolean } {
  const { m, snapshot } = ctx;
  const pieces = educationPieces(snapshot);
  if (pieces.length === 0) return { regions: [], shared: false };
  const columns = m.large ? 1 : 2;
  const columnWidth = (ctx.contentWidth - (columns - 1) * educationColumnGap) / columns;
  const title = snapshot.conditions.length === 1 ? "Understanding your condition" : "Understanding your pain";
  const heading = sectionHeading(ctx, title);
  const continued = sectionHeading(ctx, `${title} (continued)`);
  const room = after ? ctx.contentHeight - after.reduce((sum, block) => sum + block.height, 0) : 0;
  const shared = room >= ctx.contentHeight * sharedEducationRoom;
  const regionHeights = [(shared ? room : ctx.contentHeight) - heading.height, ctx.contentHeight - continued.height];
  const { chosen, left } = chooseEducation(
    pieces,
    (candidate, complete) => pourColumns(educationBlocks(ctx, candidate, columnWidth, complete ? 0 : 1), regionHeights, columns) !== null,
  );
  const blocks = educationBlocks(ctx, chosen, columnWidth, left.length);
  const poured = pourColumns(blocks, regionHeights, columns);
  if (!poured) return { regions: [], shared: false };
  return {
    shared,
    regions: poured.map((region, i) => {
      // The last region's columns are evened out rather than leaving the second one short.
      const isLast = i === poured.length - 1;
      let columnsOfRegion = region;
      if (isLast && columns > 1) {
        const regionBlocks = region.flat();
        const total = regionBlocks.reduce((sum, block) => sum + block.height, 0);
        let low = total / columns;
        let high = regionHeights[i];
        for (let step = 0; step < 12; step++) {
          const mid = (low + high) / 2;
          if (pourColumns(regionBlocks, [mid], columns)) high = mid;
          else low = mid;
        }
        columnsOfRegion = pourColumns(regionBlocks, [high], columns)?.[0] ?? region;
      }
      return educationRegion(ctx, i === 0 ? heading : continued, columnsOfRegion, columnWidth);
    }),
  };
}

// ------------------------------------------------------------------ exercises

/**
 * Figure drawings kept across renders: the catalogue's figures recur in handout after handout,
 * and posing and projecting a body costs more than laying the picture out. A drawing depends
 * only on the spec, the pose and the width (renderFigure is deterministic).
 */
const drawings = new BoundedCache<string, FigureDrawing>(400);

function figureDrawing(spec: FigureSpec, which: "start" | "end", width: number): FigureDrawing {
  return drawings.getOrSet(`${which}|${width}|${JSON.stringify(spec)}`, () => renderFigure(spec, { which, width }));
}

/** Height over width of an exercise's picture; start and end share one frame. */
function figureAspect(spec: FigureSpec): number {
  const drawing = figureDrawing(spec, "start", 100);
  return drawing.height / drawing.width;
}

/** a picture's frame: padding and border on each side */
const frameInset = 3 + 0.75;

/**
 * Start and end sit side by side, each filling half the width unless that would make it taller
 * than `maxHeight` (a standing figure is tall and narrow). Wide, short pictures of lying
 * exercises come out tiny at half width, so they are stacked at full width when that makes
 * them clearly bigger. The whole row, labels included, stays within `maxRowHeight`.
 */
function figureLayout(ctx: Ctx, spec: FigureSpec, width: number, maxHeight: number, maxRowHeight: number) {
  const aspect = figureAspect(spec);
  const twoPoses = spec.end !== null;
  const overhead = panelOverhead(ctx);
  const fit = (panelWidth: number, heightLimit: number) => Math.max(0, Math.min(panelWidth - 2 * frameInset, heightLimit / aspect));
  const sidePanel = twoPoses ? (width - ctx.m.figureGap) / 2 : width;
  const side = fit(sidePanel, Math.min(maxHeight, maxRowHeight - overhead));
  const stackedWidth = twoPoses ? fit(width, Math.min(maxHeight * 0.7, (maxRowHeight - 2 * overhead) / 2)) : 0;
  const stacked = stackedWidth > side * 1.15;
  const figureWidth = stacked ? stackedWidth : side;
  return { stacked, twoPoses, panelWidth: stacked ? width : sidePanel, figureWidth, figureHeight: figureWidth * aspect };
}

/** Height a picture's frame and label add to the picture itself. */
function panelOverhead(ctx: Ctx): number {
  return 2 * frameInset + 1 + ctx.line + 3;
}

function figurePanel(ctx: Ctx, item: SnapshotItem, width: number, maxHeight: number, maxRowHeight = Infinity): Block {
  const { m } = ctx;
  const spec = item.figure;
  if (!spec) {
    const height = Math.min(maxHeight, maxRowHeight, ((width - m.figureGap) / 2) * 0.9);
    return {
      height,
      node: (
        <View
          style={{
            width,
            height,
            borderWidth: 1,
            borderStyle: "dashed",
            borderColor: ink.rule,
            borderRadius: 4,
            backgroundColor: ink.faint,
            alignItems: "center",
            justifyContent: "center",
            padding: 8,
          }}
        >
          <Text style={{ fontSize: m.small, color: ink.muted, textAlign: "center" }}>No picture for this exercise:</Text>
          <Text style={{ fontSize: m.small, color: ink.muted, textAlign: "center" }}>follow the steps.</Text>
        </View>
      ),
    };
  }
  const layout = figureLayout(ctx, spec, width, maxHeight, maxRowHeight);
  const labelStyle: Style = { fontSize: m.small, color: ink.muted, textAlign: "center", marginTop: 1, marginBottom: 3 };
  const frame: Frame = { border: 0.75, colour: ink.rule, radius: 4 };
  const panelHeight = layout.figureHeight + panelOverhead(ctx);
  const panel = (which: "start" | "end", label: string) => (
    <View key={which} style={{ width: layout.panelWidth }}>
      <Framed frame={frame} style={{ padding: 3, alignItems: "center" }}>
        <PdfFigure drawing={figureDrawing(spec, which, layout.figureWidth)} fontFamily={font} />
      </Framed>
      <Text style={labelStyle}>{label}</Text>
    </View>
  );
  if (!layout.twoPoses) {
    // One pose (a position to hold): one picture where the two would be.
    return { height: panelHeight, node: <View style={{ width }}>{panel("start", spec.hold ? "Hold this position" : "Position")}</View> };
  }
  return {
    height: layout.stacked ? 2 * panelHeight : panelHeight,
    node: (
      <View style={{ width, flexDirection: layout.stacked ? "column" : "row", justifyContent: "space-between" }}>
        {panel("start", "Start")}
        {panel("end", "End")}
      </View>
    ),
  };
}

/** A tinted box with a coloured left edge inside an exercise: the caution and the clinician's note. */
function exerciseBox(ctx: Ctx, runs: Run[], width: number, edge: string, tint: string, labelColour: string): Block {
  const { m } = ctx;
  const marginTop = m.large ? 8 : 5;
  const padding = m.large ? 8 : 5;
  const paddingLeft = m.large ? 10 : 7;
  const border = m.large ? 4 : 2.5;
  return {
    height: marginTop + 2 * padding + textHeight(ctx, runs, width - paddingLeft - padding - border),
    node: (
      <View
        style={{ marginTop, padding, paddingLeft, borderLeftWidth: border, borderLeftColor: edge, backgroundColor: tint }}
      >
        <Text>
          <Text style={{ fontWeight: 700, color: labelColour }}>{runs[0].text}</Text>
          {runs[1].text}
        </Text>
      </View>
    ),
  };
}

/** The words of an exercise in reading order (steps, tips, caution, note), each kept whole. */
function exerciseParts(ctx: Ctx, item: SnapshotItem, width: number, withProgression = false): Block[] {
  const { m, snapshot, accent } = ctx;
  const parts: Block[] = [];
  item.steps
    .filter((step) => step.trim() !== "")
    .forEach((step, i) => parts.push(bullet(ctx, i, step, step, width, `${i + 1}.`, accent.text)));
  const cues = item.cues.map((cue) => cue.trim()).filter((cue) => cue !== "");
  if (cues.length > 0) {
    // The tips run on as one paragraph: a line each took a third of a card's height for a few words.
    const marginTop = m.large ? 6 : 3;
    const label = cues.length === 1 ? "Tip: " : "Tips: ";
    const tips = cues.map((cue, i) => (i < cues.length - 1 && !/[.!?]$/.test(cue) ? `${cue};` : cue)).join(" ");
    parts.push({
      height: marginTop + textHeight(ctx, [{ text: label, bold: true }, { text: tips }], width) + 2,
      node: (
        <Text style={{ marginTop, marginBottom: 2 }}>
          <Text style={{ fontWeight: 700, color: accent.text }}>{label}</Text>
          {tips}
        </Text>
      ),
    });
  }
  if (withProgression && item.progression) {
    // "Too easy? / Too hard?" as a paragraph with the words: where the pictures leave room beside them, it costs no height.
    const marginTop = m.large ? 6 : 3;
    const runs = progressionRuns(item.progression);
    parts.push({
      height: marginTop + textHeight(ctx, runs, width) + 2,
      node: (
        <Text style={{ marginTop, marginBottom: 2 }}>
          <Text style={{ fontWeight: 700, color: accent.text }}>{runs[0].text}</Text>
          {runs[1].text}
          <Text style={{ fontWeight: 700, color: accent.text }}>{runs[2].text}</Text>
          {runs[3].text}
        </Text>
      ),
    });
  }
  if (item.caution && item.caution.trim() !== "") {
    parts.push(
      exerciseBox(ctx, [{ text: "Take care: ", bold: true }, { text: item.caution.trim() }], width, ink.caution, ink.cautionTint, ink.sameDay),
    );
  }
  if (item.note && item.note.trim() !== "") {
    parts.push(
      exerciseBox(
        ctx,
        [{ text: `Note from ${snapshot.clinician.name}: `, bold: true }, { text: item.note.trim() }],
        width,
        accent.fill,
        accent.tint,
        accent.text,
      ),
    );
  }
  return parts;
}

function exerciseText(ctx: Ctx, item: SnapshotItem, width: number): Block {
  return stack(exerciseParts(ctx, item, width));
}

/** "Too easy? / Too hard?" as runs of text: the two questions bold. */
function progressionRuns(progression: NonNullable<SnapshotItem["progression"]>): Run[] {
  return [{ text: "Too easy? ", bold: true }, { text: `${progression.tooEasy} ` }, { text: "Too hard? ", bold: true }, { text: progression.tooHard }];
}

/** The name, summary and dose of an exercise; with `withProgression`, "Too easy? / Too hard?" beside (or under) the dose. */
function exerciseHeader(ctx: Ctx, item: SnapshotItem, number: number, width: number, withProgression = true): Block {
  const { m, accent } = ctx;
  const marginBottom = m.large ? 10 : 6;
  const badgeGap = m.large ? 10 : 7;
  const nameLine = m.name * 1.2;
  const summary = item.summary.trim();
  const summarySize = m.large ? m.body : m.body - 0.5;
  const summaryTop = m.large ? 6 : 3;
  const doseTop = m.large ? 8 : 4;
  const dosePadV = m.large ? 6 : 3;
  const dosePadH = m.large ? 10 : 6;
  // "Too easy? / Too hard?" when the clinician allowed it: one small line under the dose.
  const progression: Run[] | null = withProgression && item.progression ? progressionRuns(item.progression) : null;
  const progressionTop = m.large ? 6 : 2;
  const progressionLine = Math.round(m.small * m.lineHeight * 10) / 10;
  const doseBoxHeight = 2 * dosePadV + ctx.measure.lines([{ text: item.doseLine, bold: true }], width - 2 * dosePadH, m.dose) * ctx.line;
  // Beside a short dose line the line costs little or no height: it goes there when it has room.
  const doseWidth = Math.ceil(ctx.measure.width(item.doseLine, m.dose, true)) + 2 * dosePadH + 2;
  const besideGap = 8;
  const besideWidth = width - doseWidth - besideGap;
  const beside = progression !== null && !m.large && besideWidth >= 200;
  const doseRowHeight = !progression
    ? doseBoxHeight
    : beside
      ? Math.max(doseBoxHeight, ctx.measure.lines(progression, besideWidth, m.small) * progressionLine)
      : doseBoxHeight + progressionTop + ctx.measure.lines(progression, width, m.small) * progressionLine;
  const height =
    Math.max(m.badge, ctx.measure.lines([{ text: item.name, bold: true }], width - m.badge - badgeGap, m.name) * nameLine) +
    (summary ? summaryTop + textHeight(ctx, summary, width, summarySize) : 0) +
    doseTop +
    2 * dosePadV +
    doseRowHeight +
    marginBottom;
  return {
    height,
    node: (
      <View style={{ marginBottom }}>
        <View style={{ flexDirection: "row", alignItems: "center" }}>
          <View
            style={{
              width: m.badge,
              height: m.badge,
              borderRadius: m.badge / 2,
              backgroundColor: accent.fill,
              alignItems: "center",
              justifyContent: "center",
              marginRight: badgeGap,
            }}
          >
            <Text style={{ color: accent.onFill, fontWeight: 700, fontSize: m.badge * 0.5, lineHeight: `${m.badge * 0.6}pt` }}>
              {String(number)}
            </Text>
          </View>
          <Text style={{ flex: 1, fontSize: m.name, fontWeight: 700, lineHeight: `${nameLine}pt` }}>{item.name}</Text>
        </View>
        {summary ? <Text style={{ color: ink.muted, fontSize: summarySize, marginTop: summaryTop }}>{summary}</Text> : null}
        <View style={{ marginTop: doseTop, flexDirection: beside ? "row" : "column", alignItems: beside ? "flex-start" : "stretch" }}>
          <Text
            style={{
              ...(beside ? { width: doseWidth } : {}),
              fontSize: m.dose,
              fontWeight: 700,
              paddingVertical: dosePadV,
              paddingHorizontal: dosePadH,
              backgroundColor: accent.tint,
              borderRadius: 3,
            }}
          >
            {item.doseLine}
          </Text>
          {progression && item.progression ? (
            <Text style={{ fontSize: m.small, lineHeight: `${progressionLine}pt`, ...(beside ? { flex: 1, marginLeft: besideGap } : { marginTop: progressionTop }) }}>
              <Text style={{ fontWeight: 700, color: accent.text }}>Too easy? </Text>
              {`${item.progression.tooEasy} `}
              <Text style={{ fontWeight: 700, color: accent.text }}>Too hard? </Text>
              {item.progression.tooHard}
            </Text>
          ) : null}
        </View>
      </View>
    ),
  };
}

const cardPadding = 8;
const cardBorder = 1;
const columnGap = 12;
/** Space between the pictures (and the words beside them) and the words that continue below. */
const belowGap = 4;
/** Tallest the pictures of a card may be, labels included: two cards fit a page with room to spare. */
const cardFigureRow = 150;

/**
 * Normal print: a bordered card. The pictures sit at the left with the steps beside them; what
 * does not fit beside the pictures continues below them across the card's full width, where a
 * line holds twice the words. The split is the one that makes the card shortest, so a plan packs
 * two or three exercises to a page.
 */
function exerciseCard(ctx: Ctx, item: SnapshotItem, number: number): Block {
  // "Too easy? / Too hard?" goes by the dose or with the words, whichever makes the card shorter.
  const inHeader = exerciseCardIn(ctx, item, number, true);
  if (!item.progression) return inHeader;
  const inWords = exerciseCardIn(ctx, item, number, false);
  return inWords.height < inHeader.height - 0.01 ? inWords : inHeader;
}

function exerciseCardIn(ctx: Ctx, item: SnapshotItem, number: number, progressionInHeader: boolean): Block {
  const { m } = ctx;
  const inner = ctx.contentWidth - 2 * cardPadding - 2 * cardBorder;
  const figuresWidth = 2 * m.figureWidth + m.figureGap;
  const header = exerciseHeader(ctx, item, number, inner, progressionInHeader);
  const beside = exerciseParts(ctx, item, inner - figuresWidth - columnGap, !progressionInHeader);
  const below = exerciseParts(ctx, item, inner, !progressionInHeader);
  const figures = figurePanel(ctx, item, figuresWidth, m.figureMaxHeight, cardFigureRow);
  const sum = (blocks: Block[]) => blocks.reduce((total, block) => total + block.height, 0);
  // How many parts go beside the pictures: at least the first step, and on a tie as many as can.
  let split = Math.min(1, beside.length);
  let bodyHeight = Infinity;
  for (let k = split; k <= beside.length; k++) {
    const rest = sum(below.slice(k));
    const height = Math.max(figures.height, sum(beside.slice(0, k))) + (rest > 0 ? belowGap + rest : 0);
    if (height <= bodyHeight + 0.01) {
      split = k;
      bodyHeight = height;
    }
  }
  const height = 2 * cardBorder + 2 * cardPadding + header.height + bodyHeight + m.gap;
  const content = (
    <>
      {header.node}
      <View style={{ flexDirection: "row" }}>
        {figures.node}
        <View style={{ flex: 1, marginLeft: columnGap }}>
          {beside.slice(0, split).map((part, i) => (
            <Fragment key={i}>{part.node}</Fragment>
          ))}
        </View>
      </View>
      {split < below.length ? (
        <View style={{ marginTop: belowGap }}>
          {below.slice(split).map((part, i) => (
            <Fragment key={i}>{part.node}</Fragment>
          ))}
        </View>
      ) : null}
    </>
  );
  return {
    height,
    node: (
      // Kept whole when it fits a page; an exceptionally long exercise flows on rather than being cut off.
      height > ctx.contentHeight ? (
        // A canvas behind content that react-pdf splits across pages would not follow it.
        <View wrap style={{ borderWidth: cardBorder, borderColor: ink.rule, borderRadius: 5, padding: cardPadding, marginBottom: m.gap }}>
          {content}
        </View>
      ) : (
        <Framed frame={{ border: cardBorder, colour: ink.rule, radius: 5 }} wrap={false} style={{ padding: cardPadding, marginBottom: m.gap }}>
          {content}
        </Framed>
      )
    ),
  };
}

/** Large print: one exercise to a page, pictures as big as the page leaves room for. */
function exercisePage(ctx: Ctx, item: SnapshotItem, number: number): Block {
  const { m } = ctx;
  const width = ctx.contentWidth;
  const figuresWidth = 2 * m.figureWidth + m.figureGap;
  const header = exerciseHeader(ctx, item, number, width);
  const text = exerciseText(ctx, item, width);
  // The pictures get what the words leave, but never less than a legible size: a very long
  // exercise runs on to a second page rather than shrinking its pictures to nothing. (A floor
  // of 160 points split a wordy exercise on Letter paper, with its pictures well short of it.)
  const room = ctx.contentHeight - header.height - m.gap - text.height;
  const figures = figurePanel(ctx, item, figuresWidth, m.figureMaxHeight, Math.max(room, 110));
  const height = header.height + figures.height + m.gap + text.height;
  return {
    height,
    node: (
      <View wrap={height > ctx.contentHeight}>
        {header.node}
        <View style={{ alignItems: "center", marginBottom: m.gap }}>{figures.node}</View>
        {text.node}
      </View>
    ),
  };
}

// ------------------------------------------------------------------ safety and the weekly chart

/**
 * The safety lists and the pain guide in normal print: the same type size at 1.2 rather than 1.35
 * line spacing, so the safety section keeps to one page and the pain guide to the first page.
 * Large print keeps its spacing (its safety section may take more pages).
 */
function tightCtx(ctx: Ctx): Ctx {
  return ctx.m.large ? ctx : { ...ctx, line: Math.round(ctx.m.body * 1.2 * 10) / 10 };
}

/**
 * A safety list in a box. In normal print its signs stand in two columns (a sign is a sentence
 * or two, so half the page's width still reads as a short list), which keeps the whole safety
 * section to one page; in large print they run in one column at full width.
 */
function safetyBox(outer: Ctx, list: SafetyList, colour: string, tint: string, strong = false): Block {
  const { m } = outer;
  const ctx = tightCtx(outer);
  const border = strong ? 2 : 1;
  const padding = m.large ? 12 : 6;
  const inner = ctx.contentWidth - 2 * border - 2 * padding;
  const headingSize = m.large ? m.h2 - 2 : m.body + 2;
  const parts: Block[] = [
    {
      height: ctx.measure.lines([{ text: list.heading, bold: true }], inner, headingSize) * ctx.line + 3,
      node: <Text style={{ fontWeight: 700, fontSize: headingSize, color: colour, marginBottom: 3 }}>{list.heading}</Text>,
    },
  ];
  if (list.intro.trim() !== "") {
    parts.push({ height: textHeight(ctx, list.intro, inner) + 4, node: <Text style={{ marginBottom: 4 }}>{list.intro}</Text> });
  }
  if (m.large || list.items.length < 4) list.items.forEach((item, i) => parts.push(bullet(ctx, i, item, item, inner, "•", colour)));
  else parts.push(bulletColumns(ctx, list.items, inner, colour));
  const gap = m.large ? m.gap : 6;
  return stack(
    parts,
    { padding, marginBottom: gap, lineHeight: `${ctx.line}pt` },
    2 * border + 2 * padding + gap,
    false,
    { border, colour, radius: 4, background: tint },
  );
}

/**
 * The section heading and the urgent box it travels with. A box cannot break across pages, so when the whole
 * list is taller than a page (large print, or a long national wording) it continues in further boxes, each
 * as full as a page allows and headed "(continued)", never dropping or squeezing a sign.
 */
function urgentBlocks(ctx: Ctx, urgent: SafetyList): Block[] {
  // The section always starts a page, so its heading needs no space above it.
  const opening = sectionHeading(ctx, "Staying safe");
  const heading: Block = { height: opening.height - ctx.m.gap, node: <View style={{ marginTop: -ctx.m.gap }}>{opening.node}</View> };
  const box = (items: string[], first: boolean) =>
    safetyBox(ctx, first ? { ...urgent, items } : { heading: `${urgent.heading} (continued)`, intro: "", items }, ink.urgent, ink.urgentTint, true);
  const room = (first: boolean) => ctx.contentHeight - (first ? heading.height : 0);
  const blocks: Block[] = [];
  let items: string[] = [];
  const flush = () => blocks.push(blocks.length === 0 ? stack([heading, box(items, true)]) : box(items, false));
  for (const item of urgent.items) {
    if (items.length > 0 && box([...items, item], blocks.length === 0).height > room(blocks.length === 0)) {
      flush();
      items = [];
    }
    items.push(item);
  }
  flush();
  return blocks;
}

function safetyBlocks(ctx: Ctx): Block[] {
  const { snapshot } = ctx;
  const { safety, clinic } = snapshot;
  const blocks: Block[] = [
    ...urgentBlocks(ctx, safety.urgent),
    safetyBox(ctx, safety.sameDay, ink.sameDay, ink.sameDayTint),
    safetyBox(ctx, safety.seeClinician, ink.text, "#ffffff"),
  ];
  if (clinic.phone) {
    const text = `Questions about your exercises? Call ${clinic.name} on ${clinic.phone}.`;
    blocks.push({
      height: textHeight(ctx, text, ctx.contentWidth),
      node: (
        <Text>
          {`Questions about your exercises? Call ${clinic.name} on `}
          <PhoneLink ctx={ctx} phone={clinic.phone} />.
        </Text>
      ),
    });
  }
  return blocks;
}

/**
 * The weekly chart: a row per exercise, a column per day, and a pain row. A plan too long for
 * one page continues on the next with the day headings repeated.
 */
function tickGridSheets(ctx: Ctx, items: SnapshotItem[]): Block[][] {
  const { m, accent } = ctx;
  const numberWidth = m.large ? 30 : 18;
  const nameWidth = ctx.contentWidth - 2 - 7 * m.gridDay - 12 - numberWidth;
  // The seven day boxes of a row: one canvas drawing their 1 pt left edges, rather than seven
  // views each drawing a clipped border side (~90 views on the chart page).
  const dayLines = (
    <Canvas
      style={{ width: 7 * m.gridDay }}
      paint={(painter: FramePainter, ...box: number[]) => {
        const height = box[1] ?? 0;
        for (let day = 0; day < 7; day++) painter.rect(day * m.gridDay, 0, 1, height);
        painter.fill(ink.rule);
        return null;
      }}
    />
  );
  const cellPadding = 3;
  const rowHeight = (label: Run[], minHeight: number) =>
    Math.max(minHeight, textHeight(ctx, label, nameWidth) + 2 * cellPadding) + 1;
  const row = (key: string, label: ReactNode, shaded: boolean, minHeight: number) => (
    <View
      key={key}
      style={{
        flexDirection: "row",
        minHeight,
        borderBottomWidth: 1,
        borderBottomColor: shaded ? ink.text : ink.rule,
        backgroundColor: shaded ? ink.faint : undefined,
      }}
    >
      <View style={{ flex: 1, justifyContent: "center", paddingHorizontal: 6, paddingVertical: cellPadding }}>{label}</View>
      {dayLines}
    </View>
  );
  const rows = items.map((item, i) => ({
    height: rowHeight([{ text: item.name }], m.gridRow),
    node: row(
      `item-${i}`,
      <View style={{ flexDirection: "row" }}>
        <Text style={{ width: numberWidth, fontWeight: 700 }}>{String(i + 1)}</Text>
        <Text style={{ flex: 1 }}>{item.name}</Text>
      </View>,
      false,
      m.gridRow,
    ),
  }));
  rows.push({
    height: rowHeight([{ text: "Pain 0–10", bold: true }], m.gridRow * 1.2),
    node: row("pain", <Text style={{ fontWeight: 700 }}>Pain 0–10</Text>, true, m.gridRow * 1.2),
  });
  const header = (
    <View style={{ flexDirection: "row", backgroundColor: accent.fill, borderBottomWidth: 1, borderBottomColor: ink.text }}>
      <Text style={{ flex: 1, color: accent.onFill, fontWeight: 700, paddingHorizontal: 6, paddingVertical: 4 }}>Exercise</Text>
      {days.map((day) => (
        <Text
          key={day}
          style={{
            width: m.gridDay,
            color: accent.onFill,
            fontWeight: 700,
            textAlign: "center",
            paddingVertical: 4,
            fontSize: m.large ? m.small : m.body,
          }}
        >
          {day}
        </Text>
      ))}
    </View>
  );
  const headerHeight = ctx.line + 8 + 1;
  const table = (chunk: Block[]): Block => ({
    height: 1 + headerHeight + chunk.reduce((sum, r) => sum + r.height, 0),
    node: (
      <View style={{ borderWidth: 1, borderColor: ink.text, borderBottomWidth: 0 }}>
        {header}
        {chunk.map((r) => r.node)}
      </View>
    ),
  });

  const intro =
    "Tick a box each time you do an exercise. At the end of each day, write down your pain from 0 (no pain) " +
    "to 10 (the worst pain you can imagine).";
  const weekLine = "Week starting: ____________________";
  const opening: Block[] = [
    sectionHeading(ctx, "Your week"),
    { height: textHeight(ctx, intro, ctx.contentWidth) + m.gap * 0.6, node: <Text style={{ marginBottom: m.gap * 0.6 }}>{intro}</Text> },
    { height: ctx.line + m.gap, node: <Text style={{ marginBottom: m.gap }}>{weekLine}</Text> },
  ];
  const continued = sectionHeading(ctx, "Your week (continued)");

  const sheets: Block[][] = [];
  let lead = opening;
  let chunk: Block[] = [];
  let rowsOnPrevious: Block[] = [];
  const leadHeight = () => lead.reduce((sum, b) => sum + b.height, 0);
  for (const r of rows) {
    if (chunk.length > 0 && leadHeight() + table([...chunk, r]).height > ctx.contentHeight) {
      sheets.push([...lead, table(chunk)]);
      rowsOnPrevious = chunk;
      lead = [continued];
      chunk = [];
    }
    chunk.push(r);
  }
  if (sheets.length > 0 && chunk.length === 1) {
    // Never leave the pain row on a page of its own: take the last exercise with it.
    const moved = rowsOnPrevious.pop();
    if (moved && rowsOnPrevious.length > 0) {
      const previous = sheets[sheets.length - 1];
      previous[previous.length - 1] = table(rowsOnPrevious);
      chunk.unshift(moved);
    }
  }
  sheets.push([...lead, table(chunk)]);
  if (sheets.length === 1) {
    // A short plan's chart repeats for up to four weeks (a usual review interval) while the page has room.
    const nextWeek: Block[] = [
      { height: m.gap + ctx.line + m.gap, node: <Text style={{ marginTop: m.gap, marginBottom: m.gap }}>{weekLine}</Text> },
      table(chunk),
    ];
    const used = () => sheets[0].reduce((sum, block) => sum + block.height, 0);
    const weekHeight = nextWeek.reduce((sum, block) => sum + block.height, 0);
    for (let week = 2; week <= 4 && used() + weekHeight <= ctx.contentHeight; week++) sheets[0].push(...nextWeek);
  }
  return sheets;
}

// ------------------------------------------------------------------ pages

/** Page numbers known in advance, or left to react-pdf to fill in after it paginates. */
type Numbering = { pageNumber: number; totalPages: number } | "dynamic";

/** A phone number inside a line of text, linked to dial it when it makes a sound tel: link. */
function PhoneLink({ ctx, phone }: { ctx: Ctx; phone: string }) {
  const href = telHref(phone);
  return href ? (
    <Link src={href} style={{ color: ctx.accent.text, textDecoration: "none" }}>
      {phone}
    </Link>
  ) : (
    <>{phone}</>
  );
}

function Footer({ ctx, numbering }: { ctx: Ctx; numbering: Numbering }) {
  const { m, snapshot } = ctx;
  const { clinic } = snapshot;
  const numberStyle: Style = { width: m.large ? 130 : 80, textAlign: "right" };
  return (
    <View
      fixed
      style={{
        position: "absolute",
        left: m.margin,
        right: m.margin,
        bottom: m.large ? 20 : 22,
        borderTopWidth: 0.75,
        borderTopColor: ink.rule,
        paddingTop: 4,
        flexDirection: "row",
        fontSize: m.footer,
        color: ink.muted,
      }}
    >
      <View style={{ flex: 1 }}>
        <Text>{`${snapshot.patient.displayName}  ·  ${snapshot.title}  ·  Version ${snapshot.version}`}</Text>
        <Text>
          {clinic.name}
          {clinic.phone ? (
            <>
              {"  ·  "}
              <PhoneLink ctx={ctx} phone={clinic.phone} />
            </>
          ) : null}
        </Text>
      </View>
      {numbering === "dynamic" ? (
        <Text style={numberStyle} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
      ) : (
        <Text style={numberStyle}>{`Page ${numbering.pageNumber} of ${numbering.totalPages}`}</Text>
      )}
    </View>
  );
}

/** Greedy packing in reading order: a block that does not fit starts the next page. */
function pack(blocks: (Block | null)[], capacity: number): Block[][] {
  const pages: Block[][] = [];
  let current: Block[] = [];
  let used = 0;
  for (const block of blocks) {
    if (!block) continue;
    if (current.length > 0 && used + block.height > capacity) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(block);
    used += block.height;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/**
 * One sheet. Line spacing is set on the wrapper in points, not on the Page: react-pdf 4.9 drops
 * a fixed footer that inherits a line height, and resolves a unitless one against its default
 * font size rather than the text's.
 *
 * A sheet whose blocks were measured to fit is laid out as exactly one page (`wrap={false}`),
 * which spares react-pdf's paginator entirely; were a measurement ever a line or two short, the
 * text would run into the bottom margin above the footer rather than off the page.
 */
function Sheet({ ctx, paper, blocks, numbering }: { ctx: Ctx; paper: Paper; blocks: Block[]; numbering: Numbering }) {
  const { m } = ctx;
  return (
    <Page
      size={paper}
      wrap={numbering === "dynamic"}
      style={{
        fontFamily: font,
        fontSize: m.body,
        color: ink.text,
        paddingTop: m.margin,
        paddingHorizontal: m.margin,
        paddingBottom: m.margin + m.footerSpace,
      }}
    >
      {/* A page that is not paginated takes its height from its content in react-pdf, so the
          content area is given the page's full height explicitly. */}
      <View style={{ fontSize: m.body, lineHeight: `${ctx.line}pt`, height: numbering === "dynamic" ? undefined : ctx.pageContentHeight }}>
        {blocks.map((block, i) => (
          <View key={i} wrap={block.height > ctx.contentHeight}>
            {block.node}
          </View>
        ))}
      </View>
      <Footer ctx={ctx} numbering={numbering} />
    </Page>
  );
}

/** The handout document, already split into sheets. */
export function handoutDocument(
  snapshot: PlanSnapshot,
  options: HandoutOptions,
  measure: Measurer,
  /** let react-pdf paginate every sheet, so a block measured short shows up as an extra page (tests) */
  verifyPacking = false,
): { document: ReactElement<DocumentProps>; sheets: number } {
  const m = metricsFor(options.largePrint, options.paper);
  const page = paperSizes[options.paper];
  const ctx: Ctx = {
    m,
    accent: accentFrom(snapshot.clinic.accentColour),
    contentWidth: page.width - 2 * m.margin,
    contentHeight: page.height - 2 * m.margin - m.footerSpace - 1,
    pageContentHeight: page.height - 2 * m.margin - m.footerSpace,
    line: Math.round(m.body * m.lineHeight * 10) / 10,
    snapshot,
    measure,
  };
  const items = orderedItems(snapshot);
  const cover: (Block | null)[] = [clinicHeader(ctx), titleBlock(ctx, options.link), howToUse(ctx), ...noteAndChanges(ctx), painRule(ctx)];
  // The opening, the exercises and the education after them, laid out one of two ways: the
  // exercises starting under the opening, or on a page of their own. The fewer pages win; on a
  // tie, the exercises keep to pages of their own (fewer pages to turn while exercising).
  const layouts = [true, false].map((apart) => {
    const opening: Block[][] = [];
    const exercises: Block[][] = [];
    if (m.large) {
      opening.push(...pack(cover, ctx.contentHeight));
      for (const [i, item] of items.entries()) exercises.push([exercisePage(ctx, item, i + 1)]);
      // When to move on ("Too easy? / Too hard?"): where a page has room for it, the opening's last
      // or the last exercise's; a page of its own only when neither has.
      const note = progressionNote(ctx);
      const used = (sheet: Block[]) => sheet.reduce((sum, block) => sum + block.height, 0);
      const room = note ? [opening.at(-1), exercises.at(-1)].find((sheet) => sheet && used(sheet) + note.height <= ctx.contentHeight) : undefined;
      if (note && room) room.push(note);
      else if (note) exercises.push([note]);
    } else {
      // The section heading travels with the first exercise so it never ends a page alone.
      const cards = items.map((item, i) => exerciseCard(ctx, item, i + 1));
      const first = stack([sectionHeading(ctx, "Your exercises"), cards[0]]);
      const note = progressionNote(ctx);
      if (note) cards.push(note);
      const packed = apart
        ? [...pack(cover, ctx.contentHeight), ...pack([first, ...cards.slice(1)], ctx.contentHeight)]
        : pack([...cover, first, ...cards.slice(1)], ctx.contentHeight);
      // Pages before the one the exercises start on belong to the opening.
      const firstExercisePage = packed.findIndex((sheet) => sheet.includes(first));
      opening.push(...packed.slice(0, firstExercisePage));
      exercises.push(...packed.slice(firstExercisePage));
    }
    const about = education(ctx, exercises.at(-1));
    const educationSheets = about.regions.map((region) => [region]);
    if (about.shared) exercises[exercises.length - 1] = [...exercises[exercises.length - 1], ...educationSheets.shift()!];
    return { opening, exercises, educationSheets, pages: opening.length + exercises.length + educationSheets.length };
  });
  const { opening, exercises, educationSheets } = layouts[1].pages < layouts[0].pages ? layouts[1] : layouts[0];
  const safety = pack(safetyBlocks(ctx), ctx.contentHeight);
  const chart = tickGridSheets(ctx, items);
  // When the safety section runs onto a second page, what is left of it heads the chart's page if both fit.
  const height = (sheet: Block[]) => sheet.reduce((sum, block) => sum + block.height, 0);
  if (safety.length > 1 && chart.length > 0 && height(safety.at(-1)!) + height(chart[0]) <= ctx.contentHeight) {
    chart[0] = [...safety.pop()!, ...chart[0]];
  }
  const sheets = [...opening, ...exercises, ...educationSheets, ...safety, ...chart];
  // Only a block taller than a page (an exercise with pages of steps) needs react-pdf to paginate;
  // then it also numbers the pages, since it decides how many there are.
  const paginate = verifyPacking || sheets.some((sheet) => sheet.some((block) => block.height > ctx.contentHeight));
  const numbering = (index: number): Numbering => (paginate ? "dynamic" : { pageNumber: index + 1, totalPages: sheets.length });
  const document = (
    <Document
      title={`${snapshot.title} (version ${snapshot.version})`}
      author={snapshot.clinic.name}
      subject={`Exercise plan for ${snapshot.patient.displayName}`}
      creator="Physioplan"
      producer="Physioplan"
      language="en-GB"
    >
      {sheets.map((blocks, i) => (
        <Sheet key={i} ctx={ctx} paper={options.paper} blocks={blocks} numbering={numbering(i)} />
      ))}
    </Document>
  );
  return { document, sheets: sheets.length };
}
