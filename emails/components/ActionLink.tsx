import { Button } from "@react-email/button";
import { Text } from "@react-email/text";

/** A button plus the bare URL beneath it, for mail clients that strip buttons. */
export function ActionLink({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Button href={href} style={{ backgroundColor: "#1d4ed8", color: "#ffffff", padding: "10px 16px", borderRadius: "6px" }}>
        {label}
      </Button>
      <Text style={{ fontSize: "13px", wordBreak: "break-all" }}>{href}</Text>
    </>
  );
}
