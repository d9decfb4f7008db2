// HTML written as strings, for what is made outside React: the emails' HTML parts (lib/email) and
// the figure files' SVG (lib/figures/svg-file.ts). The `html` template escapes every value it interpolates
// unless that value is itself Markup made by the template, so text from a snapshot or a form can
// never become markup. Attribute values must be quoted in the template.

export class Markup {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

export type Value = Markup | string | number | null | undefined | false | Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** A template whose interpolated values are escaped, unless they are Markup made by this template. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Markup(out);
}

/** Markup already made (and escaped) elsewhere, such as a body cached per issued version. */
export function trusted(made: string): Markup {
  return new Markup(made);
}
