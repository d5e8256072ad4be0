import { describe, expect, it } from "vitest";
import { defaultRetryPolicy, endpointUrlProblem, eventTypesOf, storedEventTypes, webhookBody, webhookRetryDelayMs, webhookSignature } from "~/models/webhook-rules";
import { isPrivateAddress } from "~/utils/webhook-post.server";

describe("webhook rules", () => {
  it("signs id.timestamp.body with the base64-decoded whsec_ secret (the specification's example)", () => {
    // The example of the Standard Webhooks specification (spec/standard-webhooks.md, "Signature scheme").
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const body = '{"test": 2432232314}';
    expect(webhookSignature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("sends the same body on every attempt, with the cause's time as timestamp", () => {
    const message = { type: "registration.created", createdAt: "2026-11-30T08:00:00.000+00:00", payload: '{"registration":{"id":"r1"}}' };
    expect(webhookBody(message)).toBe('{"type":"registration.created","timestamp":"2026-11-30T08:00:00.000Z","data":{"registration":{"id":"r1"}}}');
    expect(JSON.parse(webhookBody(message))).toEqual({ type: "registration.created", timestamp: "2026-11-30T08:00:00.000Z", data: { registration: { id: "r1" } } });
  });

  it("retries after 1, 2, 4 … minutes (±20 %), capped at 6 hours, and gives up after 12 attempts", () => {
    expect(webhookRetryDelayMs(1, defaultRetryPolicy, 0.5)).toBe(60_000);
    expect(webhookRetryDelayMs(2, defaultRetryPolicy, 0.5)).toBe(120_000);
    expect(webhookRetryDelayMs(4, defaultRetryPolicy, 0.5)).toBe(480_000);
    expect(webhookRetryDelayMs(20, defaultRetryPolicy, 0.5)).toBe(6 * 3_600_000);
    expect(webhookRetryDelayMs(1, defaultRetryPolicy, 0)).toBe(48_000);
    expect(webhookRetryDelayMs(1, defaultRetryPolicy, 1)).toBe(72_000);
    expect(defaultRetryPolicy.maxAttempts).toBe(12);
  });

  it("stores event types between commas and reads back only known ones", () => {
    expect(storedEventTypes(["registration.created", "checkin.created", "registration.created"])).toBe(",registration.created,checkin.created,");
    expect(eventTypesOf(",registration.created,bogus,checkin.created,")).toEqual(["registration.created", "checkin.created"]);
  });

  it("accepts only http(s) endpoint URLs without credentials", () => {
    expect(endpointUrlProblem("https://partner.example/hook")).toBeNull();
    expect(endpointUrlProblem("http://127.0.0.1:8080/hook")).toBeNull();
    expect(endpointUrlProblem("ftp://partner.example/")).toBe("scheme");
    expect(endpointUrlProblem("javascript:alert(1)")).toBe("scheme");
    expect(endpointUrlProblem("https://user:pass@partner.example/")).toBe("invalid");
    expect(endpointUrlProblem("not a url")).toBe("invalid");
  });

  it("tells private, loopback, link-local and metadata addresses from public ones", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:1.1.1.1"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});
