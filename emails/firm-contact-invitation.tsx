import { Text } from "@react-email/text";
import { ActionLink } from "./components/ActionLink";
import { EmailLayout } from "./components/EmailLayout";

export type FirmContactInvitationEmailProps = {
  lang: string;
  heading: string;
  greeting: string;
  intro: string;
  actionUrl: string;
  actionLabel: string;
  expiryNote?: string | null;
  footer: string;
};

/** Invites a firm contact to the firm portal: a one-time "set your password" link, or a sign-in link. */
export default function FirmContactInvitationEmail(props: FirmContactInvitationEmailProps) {
  return (
    <EmailLayout lang={props.lang} heading={props.heading} greeting={props.greeting} intro={props.intro} footer={props.footer}>
      <ActionLink href={props.actionUrl} label={props.actionLabel} />
      {props.expiryNote ? <Text style={{ fontSize: "13px", color: "#475569" }}>{props.expiryNote}</Text> : null}
    </EmailLayout>
  );
}
