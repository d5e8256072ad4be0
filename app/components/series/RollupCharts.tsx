import { useLocalized, useT } from "~/i18n/react";
import { Table, Td, Th, Tr } from "~/components/ui/Table";

export const chartedFigures = ["registered", "checkedIn", "firms", "meetingsRequested", "meetingsHeld", "followUps", "cases"] as const;
type Figure = (typeof chartedFigures)[number];
type Counts = Record<Figure, number>;
export type RollupRow = Counts & { id: string; title: string; titleEn: string; city: string; cityEn: string };

/**
 * One horizontal bar chart per figure, in plain SVG: each bar carries its station and number as text (a
 * screen reader reads the list of bars; the table beside says the same), so nothing hides in colour alone.
 */
export function RollupBars({ rows, figure }: { rows: RollupRow[]; figure: Figure }) {
  const t = useT();
  const localized = useLocalized();
  const max = Math.max(1, ...rows.map((row) => row[figure]));
  const barHeight = 22;
  const label = t(`rollup.figure.${figure}`);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-sm font-semibold">{t("rollup.chart", { figure: label })}</figcaption>
      <svg role="list" viewBox={`0 0 320 ${rows.length * (barHeight + 6)}`} className="w-full" aria-label={t("rollup.chart", { figure: label })}>
        {rows.map((row, index) => {
          const y = index * (barHeight + 6);
          const city = localized(row.city, row.cityEn) || localized(row.title, row.titleEn);
          return (
            <g key={row.id} role="listitem" aria-label={t("rollup.chart.bar", { event: city, count: row[figure] })}>
              <text x="0" y={y + barHeight / 2 + 4} className="fill-muted text-[11px]">
                {city.slice(0, 8)}
              </text>
              <rect x="90" y={y} width={Math.max(1, (row[figure] / max) * 190)} height={barHeight} rx="3" className="fill-brand-600" />
              <text x={96 + (row[figure] / max) * 190} y={y + barHeight / 2 + 4} className="fill-ink text-[11px]">
                {row[figure]}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Every figure per station, and the totals row. */
export function RollupTable({ rows, totals }: { rows: RollupRow[]; totals: Counts }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <Table caption={t("rollup.heading")}>
      <thead>
        <tr>
          <Th>{t("rollup.column.event")}</Th>
          {chartedFigures.map((figure) => (
            <Th key={figure} className="text-right">
              {t(`rollup.figure.${figure}`)}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Tr key={row.id}>
            <Td>
              {localized(row.title, row.titleEn)}
              {row.city ? <span className="block text-xs text-muted">{localized(row.city, row.cityEn)}</span> : null}
            </Td>
            {chartedFigures.map((figure) => (
              <Td key={figure} className="text-right tabular-nums">
                {row[figure]}
              </Td>
            ))}
          </Tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="font-semibold">
          <Td>{t("rollup.totals")}</Td>
          {chartedFigures.map((figure) => (
            <Td key={figure} className="text-right tabular-nums" data-figure={figure}>
              {totals[figure]}
            </Td>
          ))}
        </tr>
      </tfoot>
    </Table>
  );
}
