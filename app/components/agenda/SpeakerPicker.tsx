import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { Field } from "~/components/ui/FormField";
import { useT } from "~/i18n/react";

type Person = { id: string; name: string; nameEn: string; organization: string; jobTitle: string };

/**
 * The speaker field of "add a speaker": a type-ahead search over the people directory (a combobox with a
 * list of matches) instead of a select of everyone. When nobody matches, or the organizer asks for it, the
 * last option opens "add new": name and organisation, and the form then creates the person and attaches
 * them (`intent` becomes `attachNew`). The choice travels as the `speakerId` field, or as `name` and
 * `organization` for a new person.
 */
export function SpeakerPicker({
  searchUrl,
  error,
  newErrors,
  onModeChange,
}: {
  searchUrl: string;
  error?: string;
  newErrors: { name?: string; organization?: string };
  onModeChange: (mode: "attach" | "attachNew") => void;
}) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<Person[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<Person | null>(null);
  const [adding, setAdding] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q || chosen) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`${searchUrl}?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { speakers: [] }))
        .then((body: { speakers: Person[] }) => {
          setMatches(body.speakers);
          setActive(body.speakers.length ? 0 : -1);
          setOpen(true);
        })
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, chosen, searchUrl]);

  // Matches of an earlier query are not offered once the box is emptied.
  const shown = query.trim() ? matches : [];
  const options = [...shown.map((person) => ({ kind: "person" as const, person })), ...(query.trim() ? [{ kind: "new" as const }] : [])];
  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    setOpen(false);
    if (option.kind === "person") {
      setChosen(option.person);
      onModeChange("attach");
    } else {
      setAdding(query.trim());
      onModeChange("attachNew");
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(options.length - 1, index + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(0, index - 1));
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };
  const reset = () => {
    setChosen(null);
    setAdding(null);
    setQuery("");
    onModeChange("attach");
  };
  const describe = (person: Person) => [person.name, person.nameEn, person.organization, person.jobTitle].filter(Boolean).join(" · ");

  if (adding !== null) {
    return (
      <fieldset className="rounded border border-line-strong p-3 sm:col-span-3">
        <legend className="px-1 font-medium">{t("agenda.picker.newHeading")}</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field id="attach-new-name" label={t("agenda.picker.newName")} name="name" defaultValue={adding} error={newErrors.name} required />
          <Field id="attach-new-organization" label={t("agenda.picker.newOrganization")} name="organization" error={newErrors.organization} />
        </div>
        <button type="button" className="text-sm underline" onClick={reset}>
          {t("agenda.picker.change")}
        </button>
      </fieldset>
    );
  }

  if (chosen) {
    return (
      <div className="mb-4 sm:col-span-3">
        <input type="hidden" name="speakerId" value={chosen.id} />
        <p className="font-medium" data-testid="picker-chosen">
          {t("agenda.picker.chosen", { name: describe(chosen) })}
        </p>
        <button type="button" className="text-sm underline" onClick={reset}>
          {t("agenda.picker.change")}
        </button>
      </div>
    );
  }

  const listId = `${id}-list`;
  return (
    <div className="relative mb-4 sm:col-span-3">
      <label htmlFor="attach-speaker" className="field-label">
        {t("agenda.picker.label")}
      </label>
      <input
        id="attach-speaker"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-describedby={`${id}-hint${error ? " attach-speaker-error" : ""}`}
        aria-invalid={error ? true : undefined}
        className="field-input"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => shown.length && setOpen(true)}
      />
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t("agenda.picker.hint")}
      </p>
      {error ? (
        <p id="attach-speaker-error" className="field-error">
          {error}
        </p>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {open && query.trim() ? (shown.length ? t("agenda.picker.results", { count: shown.length }) : t("agenda.picker.noMatch", { query: query.trim() })) : ""}
      </p>
      {open && options.length > 0 ? (
        <ul id={listId} role="listbox" className="absolute z-40 mt-1 max-h-72 w-full overflow-auto rounded border border-line-strong bg-white shadow-lg">
          {options.map((option, index) => (
            <li
              key={option.kind === "person" ? option.person.id : "new"}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={`cursor-pointer px-3 py-2 text-sm ${index === active ? "bg-brand-50" : ""} ${option.kind === "new" ? "border-t border-line font-medium text-brand-700" : ""}`}
              onMouseDown={(event) => {
                // Before the input's blur, so the choice is made while the list is still there.
                event.preventDefault();
                choose(index);
              }}
            >
              {option.kind === "person" ? describe(option.person) : t("agenda.picker.addNew", { query: query.trim() })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
