// React rendered to static HTML, for what is served outside the React Server Components pipeline
// (the patient page: app/p/[token]). The server renderer is imported dynamically: Next refuses a
// static import of react-dom/server in the App Router's server code.
import "server-only";
import type { ReactNode } from "react";

type Render = (node: ReactNode) => string;
let render: Render | null = null;

/** renderToStaticMarkup, loaded once. */
export async function staticMarkup(): Promise<Render> {
  if (!render) {
    const server = await import("react-dom/server");
    render = (node) => server.renderToStaticMarkup(node);
  }
  return render;
}

