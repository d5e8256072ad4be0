import type { HTMLAttributes, ReactNode } from "react";

type CardProps = HTMLAttributes<HTMLElement> & { as?: "div" | "section" | "article" | "li"; padded?: boolean; children: ReactNode };

/** A white surface with a light rule and shadow; `padded={false}` for a card whose content (an image, a table) runs to the edge. */
export function Card({ as: Tag = "div", padded = true, className = "", children, ...props }: CardProps) {
  return (
    <Tag className={`${padded ? "card" : "card p-0"} ${className}`.trim()} {...props}>
      {children}
    </Tag>
  );
}

export function CardTitle({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <h2 className={`text-lg font-semibold text-ink ${className}`.trim()}>{children}</h2>;
}
