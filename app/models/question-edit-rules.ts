/**
 * What an organizer may change on a registration question that people have already answered (issue 14 §5),
 * without I/O. Answers are stored by the question's key and, for choices, by the option's value: an edit must
 * leave every stored answer readable, so it may not reinterpret or orphan one silently.
 */
export type ChoiceOption = { value: string; label: string; labelEn?: string };

export const choiceKinds: readonly string[] = ["SINGLE_CHOICE", "MULTIPLE_CHOICE"];

// The changes under which a stored answer stays valid as it is: longer text, and a phone number read as text.
const safeKindChanges: Record<string, readonly string[]> = { TEXT: ["LONG_TEXT"], PHONE: ["TEXT", "LONG_TEXT"] };

export function kindChangeAllowed(from: string, to: string, answered: boolean): boolean {
  return from === to || !answered || (safeKindChanges[from] ?? []).includes(to);
}

/**
 * The choice list after an edit: a line with an existing option's label keeps that option (its value, which
 * answers store, and its English label), so reordering and adding lines keep every answer; a new line gets a
 * value never used by the question before. `dropped` are the existing options no line names any more.
 */
export function editedOptions(existing: ChoiceOption[], labels: string[]): { options: ChoiceOption[]; dropped: ChoiceOption[] } {
  let next = Math.max(0, ...existing.map((option) => Number(/^o(\d+)$/.exec(option.value)?.[1] ?? 0))) + 1;
  const options = [...new Set(labels)].map((label) => existing.find((option) => option.label === label) ?? { value: `o${next++}`, label });
  return { options, dropped: existing.filter((option) => !options.includes(option)) };
}

/** How many registrations answered the question `key`, and how many chose each value. */
export function answerUse(answerSets: Record<string, unknown>[], key: string): { answered: number; chosen: Map<string, number> } {
  const chosen = new Map<string, number>();
  let answered = 0;
  for (const answers of answerSets) {
    const answer = answers[key];
    if (answer === undefined || answer === null || answer === "" || (Array.isArray(answer) && answer.length === 0)) continue;
    answered += 1;
    for (const value of Array.isArray(answer) ? answer : [answer]) if (typeof value === "string") chosen.set(value, (chosen.get(value) ?? 0) + 1);
  }
  return { answered, chosen };
}
