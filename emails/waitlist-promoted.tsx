import TicketEmail, { type TicketEmailProps } from "./ticket";

/** Sent when a place frees and the waitlist moves up: the ticket, introduced as a promotion. */
export default function WaitlistPromotedEmail(props: TicketEmailProps) {
  return <TicketEmail {...props} />;
}
