import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { manageForms } from "~/schemas/registration";

const submitted = (values: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  return parseWithZod(form, { schema: manageForms });
};

describe("the manage page's edit form", () => {
  it("refuses an emptied name and organization together with every other invalid field", () => {
    const result = submitted({ intent: "edit", name: "", organization: "", phone: "call me" });
    expect(result.status === "error" ? result.error : null).toMatchObject({ name: ["validation.required"], organization: ["validation.required"], phone: ["registration.validation.phone"] });
  });

  it("reads a field left out as no change, and an emptied phone as none", () => {
    const result = submitted({ intent: "edit", phone: "", jobTitle: "主任" });
    expect(result.status).toBe("success");
    expect(result.status === "success" ? result.value : null).toEqual({ intent: "edit", jobTitle: "主任" });
  });
});
