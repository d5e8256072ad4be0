import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FilterBar, FilterSearch, FilterSelect } from "~/components/ui/FilterBar";
import { ErrorPage } from "~/components/ErrorPage";
import { BoardPostCard } from "~/components/board/BoardPostCard";
import { ButtonLink } from "~/components/ui/Button";
import { EmptyState } from "~/components/ui/EmptyState";
import { translator } from "~/i18n";
import { useLocalized, useT } from "~/i18n/react";
import { boardTagCounts, listBoardPosts, type BoardFilter } from "~/models/board.server";
import { listTaxonomy } from "~/models/taxonomy.server";
import { localeFromRequest } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const sides = ["NEED", "OFFER"] as const;

function parseFilter(params: URLSearchParams): BoardFilter {
  const text = (name: string) => (params.get(name) ?? "").trim().slice(0, 100) || undefined;
  const side = params.get("side");
  return { side: sides.find((choice) => choice === side), industry: text("industry"), scenario: text("scenario"), tag: text("tag"), q: text("q") };
}

/** The approved needs and offers of the scenario board, filtered by side, industry, scenario, tag and text. */
export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const filter = parseFilter(new URL(request.url).searchParams);
    const t = translator(localeFromRequest(request));
    const [posts, taxonomy, tags] = await Promise.all([listBoardPosts(filter), listTaxonomy(), boardTagCounts()]);
    return { title: `${t("board.title")} · ${t("app.name")}`, filter, posts, taxonomy, tags: tags.slice(0, 40).map((entry) => entry.tag) };
  });
}

export default function MatchmakingBoard() {
  const { filter, posts, taxonomy, tags } = useLoaderData<typeof loader>();
  const t = useT();
  const localized = useLocalized();
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold text-ink">{t("board.title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("board.intro")}</p>
      <p className="mt-3 flex flex-wrap gap-2">
        <ButtonLink to="/matchmaking/new?side=NEED">{t("board.post.NEED")}</ButtonLink>
        <ButtonLink to="/matchmaking/mine" variant="secondary">
          {t("board.mine.heading")}
        </ButtonLink>
      </p>
      <FilterBar
        label={t("board.filter.label")}
        apply={t("board.filter.apply")}
        reset={t("board.filter.reset")}
        resetTo="/matchmaking"
        filtered={Object.values(filter).some(Boolean)}
        className="mt-6 sm:grid-cols-2 lg:grid-cols-6"
      >
        {(
          [
            ["side", sides.map((side) => ({ value: side, label: t(`board.side.${side}`) }))],
            ["industry", taxonomy.industries.map((term) => ({ value: term.code, label: localized(term.name, term.nameEn) }))],
            ["scenario", taxonomy.scenarios.map((term) => ({ value: term.code, label: localized(term.name, term.nameEn) }))],
            ["tag", tags.map((tag) => ({ value: tag, label: tag }))],
          ] as const
        ).map(([name, options]) => (
          <FilterSelect key={name} id={`board-${name}`} name={name} label={t(`board.filter.${name}`)} value={filter[name]} all={t("board.filter.all")} options={options} />
        ))}
        <FilterSearch id="board-q" label={t("board.filter.q")} value={filter.q} />
      </FilterBar>
      <p className="mt-4 text-sm text-muted" role="status">
        {t("board.count", { count: posts.length })}
      </p>
      {posts.length === 0 ? (
        <div className="mt-3">
          <EmptyState title={t("board.none")}>{t("board.noneHint")}</EmptyState>
        </div>
      ) : (
        <ul className="mt-3 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {posts.map((post) => (
            <li key={post.id}>
              <BoardPostCard post={post} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
