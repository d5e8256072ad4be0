import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Badge } from "~/components/ui/Badge";
import { useLocalized, useT } from "~/i18n/react";
import { Card } from "~/components/ui/Card";

export type BoardCardPost = {
  id: string;
  side: "NEED" | "OFFER";
  title: string;
  titleEn: string;
  organizationName: string;
  organizationNameEn: string;
  description: string;
  descriptionEn: string;
  tags: string[];
  industry: { name: string; nameEn: string } | null;
  scenario: { name: string; nameEn: string } | null;
};

/** One need or offer in a list: side, organisation, taxonomy and tags; `children` adds the fit reason. */
export function BoardPostCard({ post, children }: { post: BoardCardPost; children?: ReactNode }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <Card as="article" className="flex h-full flex-col gap-2">
      <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
        <Badge tone={post.side === "NEED" ? "warning" : "brand"}>{t(`board.side.${post.side}`)}</Badge>
        {post.industry ? <span>{localized(post.industry.name, post.industry.nameEn)}</span> : null}
        {post.scenario ? <span>· {localized(post.scenario.name, post.scenario.nameEn)}</span> : null}
      </p>
      <h3 className="font-semibold text-ink">
        <Link to={`/matchmaking/${post.id}`} className="underline-offset-2 hover:underline">
          {localized(post.title, post.titleEn)}
        </Link>
      </h3>
      <p className="text-sm text-muted">{localized(post.organizationName, post.organizationNameEn)}</p>
      <p className="line-clamp-3 text-sm">{localized(post.description, post.descriptionEn)}</p>
      {post.tags.length ? (
        <ul className="flex flex-wrap gap-1" aria-label={t("board.filter.tag")}>
          {post.tags.map((tag) => (
            <li key={tag}>
              <Link to={`/matchmaking?tag=${encodeURIComponent(tag)}`} className="rounded bg-subtle px-2 py-0.5 text-xs text-ink">
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </Card>
  );
}
