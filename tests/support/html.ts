/**
 * A page's HTML without its <script> elements: what a reader can see. Route data and the messages travel in
 * scripts, so a test asking whether a page shows (or hides) a text must not find it there.
 */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, " ");
}
