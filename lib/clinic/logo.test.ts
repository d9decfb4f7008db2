import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { UserError } from "@/lib/errors";
import { maxLogoBytes, prepareLogo, sniffImageType } from "./logo";

const image = (width: number, height: number, format: "png" | "jpeg" | "gif") =>
  sharp({ create: { width, height, channels: 4, background: { r: 15, g: 118, b: 110, alpha: 1 } } })
    .toFormat(format)
    .toBuffer();

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await prepareLogo(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  const fieldErrors = (error as UserError).fieldErrors;
  expect(fieldErrors?.logo?.[0]).toBe((error as UserError).message);
  return (error as UserError).message;
}

describe("prepareLogo", () => {
  it("keeps a small PNG as PNG at its own size", async () => {
    const logo = await prepareLogo(await image(120, 40, "png"));
    expect(logo).toMatchObject({ mimeType: "image/png", width: 120, height: 40 });
    const stored = Buffer.from(logo.base64, "base64");
    expect(sniffImageType(stored)).toBe("png");
    expect(await sharp(stored).metadata()).toMatchObject({ format: "png", width: 120, height: 40 });
  });

  it("scales a large JPEG down to fit 600 × 200, keeping its proportions", async () => {
    const logo = await prepareLogo(await image(2400, 1200, "jpeg"));
    expect(logo).toMatchObject({ mimeType: "image/jpeg", width: 400, height: 200 });
    expect(await sharp(Buffer.from(logo.base64, "base64")).metadata()).toMatchObject({ format: "jpeg", width: 400, height: 200 });
  });

  it("refuses what is not a PNG or JPEG, whatever it is called", async () => {
    expect(await refusal(await image(50, 50, "gif"))).toMatch(/PNG or JPEG/);
    expect(await refusal(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toMatch(/PNG or JPEG/);
  });

  it("refuses a file with a PNG signature that does not decode", async () => {
    const png = await image(64, 64, "png");
    const broken = Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 7)]);
    expect(await refusal(broken)).toMatch(/could not be read as a PNG/);
  });

  it("refuses empty, tiny and oversized files", async () => {
    expect(await refusal(new Uint8Array())).toMatch(/empty/);
    expect(await refusal(await image(8, 8, "png"))).toMatch(/too small/);
    const big = Buffer.concat([await image(64, 64, "png"), Buffer.alloc(maxLogoBytes)]);
    expect(await refusal(big)).toMatch(/1 MB or smaller/);
  });
});
