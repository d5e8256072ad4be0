import { Link } from "@react-email/link";
import { Text } from "@react-email/text";

export type EventFactsProps = {
  labels: { when: string; where: string; map: string; category: string };
  when: string;
  venue: string;
  address: string;
  mapUrl: string;
  category?: string | null;
};

/** Date/time in the event's zone, venue with a map link and the ticket category. */
export function EventFacts({ labels, when, venue, address, mapUrl, category }: EventFactsProps) {
  return (
    <>
      <Text style={{ margin: "4px 0" }}>
        <strong>{labels.when}：</strong>
        {when}
      </Text>
      <Text style={{ margin: "4px 0" }}>
        <strong>{labels.where}：</strong>
        {venue}
        {address ? `，${address}` : ""} (<Link href={mapUrl}>{labels.map}</Link>)
      </Text>
      {category ? (
        <Text style={{ margin: "4px 0" }}>
          <strong>{labels.category}：</strong>
          {category}
        </Text>
      ) : null}
    </>
  );
}
