// The handout's QR code, drawn as one vector path so it stays sharp at any print size.
import QRCode from "qrcode";
import { Path, Rect, Svg } from "@react-pdf/renderer";

const quietZone = 4; // modules of white border the QR standard asks for

/** SVG path data for the dark modules: one rectangle per horizontal run of dark modules. */
export function qrPath(link: string): { size: number; d: string } {
  const { modules } = QRCode.create(link, { errorCorrectionLevel: "M" });
  const n = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      parts.push(`M${start + quietZone} ${row + quietZone}h${col - start}v1h${start - col}z`);
    }
  }
  return { size: n + 2 * quietZone, d: parts.join("") };
}

export function QrCode({ link, width }: { link: string; width: number }) {
  const { size, d } = qrPath(link);
  return (
    <Svg width={width} height={width} viewBox={`0 0 ${size} ${size}`}>
      <Rect x={0} y={0} width={size} height={size} fill="#ffffff" />
      <Path d={d} fill="#000000" />
    </Svg>
  );
}
