// The clinic's phone number as people write it ("(312) 555-0147", "+44 20 7946 0000", "09-123 4567
// ext 12"): what the settings accept, and the tel: link that dials it on the patient's page and the
// handout. The number is stored as typed; only the link is reduced to digits.

export type PhoneNumber = {
  /** What a tel: link dials: the digits, with a leading + for an international number. */
  dial: string;
  /** The extension's digits, when one was written; the link leaves it out (the caller asks for it). */
  extension: string | null;
};

export type PhoneParse = { ok: true; phone: PhoneNumber } | { ok: false; problem: string };

export const minimumPhoneDigits = 5;
/** E.164's longest number; a national trunk 0 written as "(0)" after the country code is not counted. */
export const maximumPhoneDigits = 15;

const example = "e.g. (312) 555-0147, 020 7946 0321 or +1 415 555 0100";
const extension = /[\s,]*(?:ext\.?|extension|x)\s*(\d{1,6})$/i;
// A phone number is digit groups, each apart from the next by spaces, a hyphen or a dot (spaces
// around it allowed), with at most one group in brackets and a + only at the very start. Read token
// by token: a pattern of repeated optional parts would take exponential time on a long refusal.
const token = /\(\d+\)|\d+|\s+|[-.]/y;

function isGrouped(main: string): boolean {
  const body = main.startsWith("+") ? main.slice(1).trimStart() : main;
  let at = 0;
  let brackets = 0;
  let previous: "number" | "space" | "mark" | null = null;
  let markSinceNumber = false;
  while (at < body.length) {
    token.lastIndex = at;
    const match = token.exec(body);
    if (!match) return false;
    const text = match[0];
    at += text.length;
    if (/^\s/.test(text)) {
      previous = "space";
    } else if (text === "-" || text === ".") {
      if (previous === null || markSinceNumber) return false;
      previous = "mark";
      markSinceNumber = true;
    } else {
      if (text.startsWith("(") && ++brackets > 1) return false;
      previous = "number";
      markSinceNumber = false;
    }
  }
  // Ends in digits: not in a hyphen, a dot or a bracket.
  return previous === "number" && /\d$/.test(body);
}

/** Reads a phone number; says what is wrong in words for the field when it is not one. */
export function parsePhone(text: string): PhoneParse {
  const trimmed = text.trim();
  const ext = extension.exec(trimmed);
  const main = ext ? trimmed.slice(0, ext.index).trim() : trimmed;
  if (!isGrouped(main)) {
    return { ok: false, problem: `Enter the phone number with digits, spaces, hyphens, dots or brackets, a + only at the start and any extension after "ext", ${example}` };
  }
  const international = main.startsWith("+");
  // "+44 (0)20 …": the bracketed 0 is dialled only from inside the country, never after its code.
  const digits = (international ? main.replace(/\(\s*0\s*\)/, "") : main).replace(/\D/g, "");
  if (digits.length < minimumPhoneDigits || digits.length > maximumPhoneDigits) {
    return { ok: false, problem: `A phone number has ${minimumPhoneDigits} to ${maximumPhoneDigits} digits (this one has ${digits.length}), ${example}` };
  }
  return { ok: true, phone: { dial: `${international ? "+" : ""}${digits}`, extension: ext ? ext[1] : null } };
}

/** `tel:` and the digits to dial, or null when the text is not a phone number (an older, unchecked value). */
export function telHref(phone: string): string | null {
  const parsed = parsePhone(phone);
  return parsed.ok ? `tel:${parsed.phone.dial}` : null;
}
