// A clinic's logo: the uploaded bytes are checked (magic number, then a full decode), scaled down to
// what the patient page and the handout show, and re-encoded, so what is stored is a small image we
// made ourselves rather than whatever was uploaded (no metadata, no trailing data).
import "server-only";
import sharp, { type Metadata } from "sharp";
import { UserError } from "@/lib/errors";

export const maxLogoBytes = 1024 * 1024;
/** The handout draws the logo at most 3:1 in a box about 40 pt high; twice that in pixels prints sharply. */
const maxWidth = 600;
const maxHeight = 200;
const minSide = 16;
/** A decompression bomb is refused before its pixels are allocated. */
const maxInputPixels = 40_000_000;

export type StoredLogo = { mimeType: "image/png" | "image/jpeg"; base64: string; width: number; height: number };

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What the first bytes say the file is, whatever its name or declared type claims. */
export function sniffImageType(bytes: Uint8Array): "png" | "jpeg" | null {
  if (bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).equals(pngSignature)) return "png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  return null;
}

function refuse(message: string): never {
  throw new UserError(message, { logo: [message] });
}

/** Checks and scales an uploaded logo; a bad file throws a UserError with a message for the logo field. */
export async function prepareLogo(bytes: Uint8Array): Promise<StoredLogo> {
  if (bytes.length === 0) refuse("The logo file is empty.");
  if (bytes.length > maxLogoBytes) refuse("The logo must be 1 MB or smaller.");
  const type = sniffImageType(bytes);
  if (!type) refuse("The logo must be a PNG or JPEG image.");

  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: maxInputPixels, failOn: "error" }).metadata();
  } catch {
    refuse(`The logo could not be read as a ${type.toUpperCase()} image. It may be damaged.`);
  }
  if (metadata.format !== type || !metadata.width || !metadata.height) refuse("The logo must be a PNG or JPEG image.");
  if (metadata.width < minSide || metadata.height < minSide) refuse(`The logo is too small (${metadata.width} × ${metadata.height} pixels). Use one at least ${minSide} pixels on each side.`);

  try {
    const pipeline = sharp(bytes, { limitInputPixels: maxInputPixels, failOn: "error" })
      .rotate() // honour a camera's orientation tag before it is dropped
      .resize({ width: maxWidth, height: maxHeight, fit: "inside", withoutEnlargement: true });
    const { data, info } = await (type === "png" ? pipeline.png({ compressionLevel: 9 }) : pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 88, mozjpeg: true })).toBuffer({
      resolveWithObject: true,
    });
    return { mimeType: type === "png" ? "image/png" : "image/jpeg", base64: data.toString("base64"), width: info.width, height: info.height };
  } catch {
    refuse(`The logo could not be read as a ${type.toUpperCase()} image. It may be damaged.`);
  }
}
