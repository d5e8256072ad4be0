import type { ReactNode } from "react";
import { Badge } from "~/components/ui/Badge";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

/** A state in words on a coloured pill; the colour repeats the words, it never replaces them. */
export function StatusBadge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <Badge tone={tone}>{children}</Badge>;
}
