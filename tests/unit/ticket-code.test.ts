import { describe, expect, it } from "vitest";
import { groupTicketCode, normalizeTicketCode } from "~/utils/ticket-code";
import { cameraProblemKey } from "~/components/checkin/useCamera";

describe("ticket codes as people type them", () => {
  const code = "Ab-d_fGh1234iJkLmNoPqRsT";

  it("prints a code in groups of four that read back as the same code", () => {
    expect(groupTicketCode(code)).toBe("Ab-d _fGh 1234 iJkL mNoP qRsT");
    expect(normalizeTicketCode(groupTicketCode(code))).toBe(code);
    expect(groupTicketCode("abcdef")).toBe("abcd ef");
  });

  it("drops spaces, tabs and line breaks anywhere in a bare code", () => {
    expect(normalizeTicketCode(" Ab-d  _fGh\t1234\niJkL mNoP qRsT ")).toBe(code);
  });

  it("takes the code out of a link, as before", () => {
    expect(normalizeTicketCode(`https://example.org/t?code=${code}`)).toBe(code);
    expect(normalizeTicketCode(`https://example.org/t/${code}`)).toBe(code);
  });
});

describe("camera errors say what to do", () => {
  it("maps the browser's error names to advice, and anything else to the general advice", () => {
    expect(cameraProblemKey(new DOMException("denied", "NotAllowedError"))).toBe("checkin.camera.denied");
    expect(cameraProblemKey(new DOMException("no https", "SecurityError"))).toBe("checkin.camera.insecure");
    expect(cameraProblemKey(new DOMException("none", "NotFoundError"))).toBe("checkin.camera.none");
    expect(cameraProblemKey(new DOMException("busy", "NotReadableError"))).toBe("checkin.camera.busy");
    expect(cameraProblemKey(new Error("odd"))).toBe("checkin.camera.unavailable");
    expect(cameraProblemKey(null)).toBe("checkin.camera.unavailable");
  });
});
