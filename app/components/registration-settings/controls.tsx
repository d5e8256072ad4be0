import type { ReactNode } from "react";
import { Card } from "~/components/ui/Card";

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card as="section" className="mb-4">
      <h3 className="mb-3 text-lg font-semibold">{title}</h3>
      {children}
    </Card>
  );
}

// Ids stay unique when several forms of the page (one per row being edited) have fields of the same name.
const fieldId = (name: string, form: string | undefined, given: string | undefined, value: unknown) => given ?? `settings-${name}-${form ?? ""}${String(value ?? "")}`.replace(/[^a-zA-Z0-9-]/g, "");

export function Input({ label, name, error, ...rest }: { label: string; name: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = fieldId(name, rest.form, rest.id, rest.defaultValue);
  if (rest.type === "checkbox") {
    return (
      <label className="flex items-center gap-2 text-sm">
        <input name={name} {...rest} />
        {label}
      </label>
    );
  }
  return (
    <label className="block text-sm" htmlFor={id}>
      <span className="field-label">{label}</span>
      <input name={name} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest} id={id} />
      <FieldError id={`${id}-error`} message={error} />
    </label>
  );
}

/** A select of named things; `blank` adds an empty first choice (with its words) for optional links. */
export function Select({
  label,
  name,
  options,
  blank,
  required,
  error,
  defaultValue,
  id,
}: {
  label: string;
  name: string;
  options: { id: string; name: string }[];
  blank?: string;
  required?: boolean;
  error?: string;
  defaultValue?: string;
  id?: string;
}) {
  const selectId = id ?? `settings-${name}`;
  return (
    <label className="text-sm" htmlFor={selectId}>
      <span className="field-label">{label}</span>
      <select
        id={selectId}
        name={name}
        className="field-input"
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${selectId}-error` : undefined}
      >
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      <FieldError id={`${selectId}-error`} message={error} />
    </label>
  );
}

export function TextArea({ label, name, error, id, hint, defaultValue }: { label: string; name: string; error?: string; id: string; hint?: string; defaultValue?: string }) {
  return (
    <label className="text-sm sm:col-span-2" htmlFor={id}>
      <span className="field-label">{label}</span>
      <textarea
        id={id}
        name={name}
        rows={3}
        className="field-input"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
      {hint ? (
        <span id={`${id}-hint`} className="block text-xs text-muted">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </label>
  );
}

/** A message under a field, or under a group of fields (checkboxes) that has no single input to describe. */
export function FieldError({ message, id }: { message?: string; id?: string }) {
  return message ? (
    <span id={id} className="field-error block">
      {message}
    </span>
  ) : null;
}
