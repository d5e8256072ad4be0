import { useId } from "react";
import type { HTMLAttributes, ReactNode, TableHTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";

/**
 * The one table style of the back office. Plain <table> elements get the same rules from the base CSS
 * (app/tailwind.css); this component adds the scrolling box, so a wide table never widens the page on a phone,
 * and a caption for screen readers. The box takes keyboard focus so a table wider than the screen can be
 * scrolled without a pointer (axe scrollable-region-focusable), and is named by the caption. It is positioned, so
 * visually hidden text in a cell scrolled out of view (absolutely placed) stays inside it instead of widening the page.
 */
export function Table({ caption, children, className = "", ...props }: TableHTMLAttributes<HTMLTableElement> & { caption?: ReactNode; children: ReactNode }) {
  const captionId = useId();
  return (
    <div
      role={caption ? "region" : undefined}
      aria-labelledby={caption ? captionId : undefined}
      tabIndex={0}
      className="table-scroll relative -mx-px max-w-full overflow-x-auto rounded-lg border border-line bg-surface focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <table className={`w-full text-left text-sm ${className}`.trim()} {...props}>
        {caption ? (
          <caption id={captionId} className="sr-only">
            {caption}
          </caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function Th({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`bg-subtle px-3 py-2 text-xs font-semibold text-muted ${className}`.trim()} {...props} />;
}

export function Td({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-3 py-2 ${className}`.trim()} {...props} />;
}

export function Tr({ className = "", ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={`hover:bg-canvas ${className}`.trim()} {...props} />;
}
