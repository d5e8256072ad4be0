import { Text } from "@react-email/text";
import { EmailLayout } from "./components/EmailLayout";

export type ApplicationReceivedEmailProps = {
  lang: string;
  heading: string;
  greeting: string;
  intro: string;
  // Shown when an earlier application with the same credit code exists and this one was linked to it.
  linkedNote?: string | null;
  summary: { label: string; value: string }[];
  charterNote: string;
  footer: string;
};

/** Confirms an application to join the programme, with what was submitted and the charter version accepted. */
export default function ApplicationReceivedEmail(props: ApplicationReceivedEmailProps) {
  return (
    <EmailLayout lang={props.lang} heading={props.heading} greeting={props.greeting} intro={props.intro} footer={props.footer}>
      {props.linkedNote ? <Text style={{ fontWeight: 600 }}>{props.linkedNote}</Text> : null}
      {props.summary.map((row) => (
        <Text key={row.label} style={{ margin: "2px 0" }}>
          {row.label}: {row.value}
        </Text>
      ))}
      <Text style={{ fontSize: "13px", color: "#475569" }}>{props.charterNote}</Text>
    </EmailLayout>
  );
}
