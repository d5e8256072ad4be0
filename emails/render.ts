import type { ReactElement } from "react";

export type RenderedEmail = { subject: string; html: string; text: string };

/** Every template renders to HTML and plain text from one React element. */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  // Loaded on the first e-mail rather than by every process that imports a template.
  const { render } = await import("@react-email/render");
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
