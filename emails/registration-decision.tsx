import RegistrationReceivedEmail, { type NoticeEmailProps } from "./registration-received";

/** A rejection (an approval sends the ticket instead). */
export default function RegistrationDecisionEmail(props: NoticeEmailProps) {
  return <RegistrationReceivedEmail {...props} manageUrl={null} />;
}
