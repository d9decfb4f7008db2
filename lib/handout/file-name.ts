// The download name of a handout: ASCII only, so every browser and mail client keeps it intact.

/** Letters that Unicode decomposition leaves alone but that have an obvious ASCII spelling. */
const spelledOut: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

export function slugify(text: string, maxLength = 60): string {
  const ascii = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ßæœøłđðþı]/g, (c) => spelledOut[c] ?? "");
  const slug = ascii
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return slug;
}

/** e.g. `knee-plan-v2.pdf`, `knee-plan-v2-large-print.pdf`. */
export function handoutFileName(title: string, version: number, largePrint: boolean): string {
  const base = slugify(title) || "exercise-plan";
  return `${base}-v${version}${largePrint ? "-large-print" : ""}.pdf`;
}
