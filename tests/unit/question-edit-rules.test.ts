import { describe, expect, it } from "vitest";
import { answerUse, editedOptions, kindChangeAllowed } from "~/models/question-edit-rules";

describe("editing an answered question", () => {
  it("allows any type change before anyone answered, and afterwards only those that keep stored answers valid", () => {
    expect(kindChangeAllowed("SINGLE_CHOICE", "TEXT", false)).toBe(true);
    expect(kindChangeAllowed("TEXT", "LONG_TEXT", true)).toBe(true);
    expect(kindChangeAllowed("PHONE", "TEXT", true)).toBe(true);
    expect(kindChangeAllowed("LONG_TEXT", "TEXT", true)).toBe(false);
    expect(kindChangeAllowed("SINGLE_CHOICE", "MULTIPLE_CHOICE", true)).toBe(false);
    expect(kindChangeAllowed("TEXT", "SINGLE_CHOICE", true)).toBe(false);
    expect(kindChangeAllowed("CHECKBOX", "CHECKBOX", true)).toBe(true);
  });

  it("keeps each option's stored value and English label by its label, gives new lines unused values and reports the dropped", () => {
    const existing = [
      { value: "o1", label: "金融", labelEn: "Finance" },
      { value: "o2", label: "制造" },
      { value: "o4", label: "能源" },
    ];
    const { options, dropped } = editedOptions(existing, ["制造", "金融", "医疗", "医疗"]);
    expect(options).toEqual([
      { value: "o2", label: "制造" },
      { value: "o1", label: "金融", labelEn: "Finance" },
      { value: "o5", label: "医疗" },
    ]);
    expect(dropped).toEqual([{ value: "o4", label: "能源" }]);
  });

  it("counts who answered a question and how often each value was chosen, ignoring empty answers", () => {
    const use = answerUse([{ track: "o1" }, { track: ["o1", "o2"] }, { track: "" }, { other: "x" }, { track: [] }], "track");
    expect(use.answered).toBe(2);
    expect(Object.fromEntries(use.chosen)).toEqual({ o1: 2, o2: 1 });
  });
});
