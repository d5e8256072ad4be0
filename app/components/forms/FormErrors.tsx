import { Flash } from "~/components/ui/Toast";

/** The messages of a submission that belong to no one field, announced when they appear. */
export function FormErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Flash
      tone="danger"
      message={messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    />
  );
}
