import { Text } from "@react-email/text";
import { ActionLink } from "./components/ActionLink";
import { EmailLayout } from "./components/EmailLayout";

/** A participant's whole one-to-one meeting schedule, sent whenever a meeting of theirs is placed or changed. */
export default function MeetingScheduleEmail({
  lang,
  heading,
  greeting,
  intro,
  lines,
  manageUrl,
  manageLabel,
  footer,
}: {
  lang: string;
  heading: string;
  greeting: string;
  intro: string;
  lines: string[];
  manageUrl: string;
  manageLabel: string;
  footer: string;
}) {
  return (
    <EmailLayout lang={lang} heading={heading} greeting={greeting} intro={intro} footer={footer}>
      {lines.map((line, index) => (
        <Text key={index} style={{ margin: "4px 0" }}>
          {line}
        </Text>
      ))}
      <ActionLink href={manageUrl} label={manageLabel} />
    </EmailLayout>
  );
}
