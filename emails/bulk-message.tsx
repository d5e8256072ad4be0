import { Text } from "@react-email/text";
import { EmailLayout } from "./components/EmailLayout";

/** An organizer's message to a filtered set of attendees; the body is plain text, paragraphs kept. */
export default function BulkMessageEmail({ lang, subject, greeting, body, footer }: { lang: string; subject: string; greeting: string; body: string; footer: string }) {
  return (
    <EmailLayout lang={lang} heading={subject} greeting={greeting} footer={footer}>
      {body.split(/\n{2,}/).map((paragraph, index) => (
        <Text key={index} style={{ whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
    </EmailLayout>
  );
}
