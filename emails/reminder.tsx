import RegistrationReceivedEmail, { type NoticeEmailProps } from "./registration-received";

/** The day-before reminder for confirmed attendees, with the manage link (which shows the QR). */
export default function ReminderEmail(props: NoticeEmailProps) {
  return <RegistrationReceivedEmail {...props} />;
}
