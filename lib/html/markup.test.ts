import { describe, expect, it } from "vitest";
import { escapeHtml, html, trusted } from "./markup";

describe("the html template", () => {
  it("escapes every interpolated string, in text and in attributes", () => {
    const name = `<img src=x onerror="alert('1')"> & co`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      "<p title=\"&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co\">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co</p>",
    );
  });

  it("keeps markup it made itself, joins lists and leaves out null, undefined and false", () => {
    const items = ["a<b", "c"].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe("<ul><li>a&lt;b</li><li>c</li></ul>0");
    expect(html`<div>${trusted("<b>kept</b>")}</div>`.value).toBe("<div><b>kept</b></div>");
  });

  it("escapes the five characters that matter in HTML and nothing else", () => {
    expect(escapeHtml(`&<>"' Zoë ≤ 5/10`)).toBe("&amp;&lt;&gt;&quot;&#39; Zoë ≤ 5/10");
  });
});
