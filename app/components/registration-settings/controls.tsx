import type { ReactNode } from "react";

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card mb-4">
      <h3 className="mb-3 text-lg font-semibold">{title}</h3>
      {children}
    </section>
  );
}

export function Input({ label, name, error, ...rest }: { label: string; name: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = `settings-${name}-${rest.form ?? ""}${String(rest.defaultValue ?? "")}`.replace(/[^a-zA-Z0-9-]/g, "");
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
      <input id={id} name={name} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest} />
      {error ? (
        <span id={`${id}-error`} className="field-error block">
          {error}
        </span>
      ) : null}
    </label>
  );
}

/** A select of named things; `blank` adds an empty first choice for optional links. */
export function Select({
  label,
  name,
  options,
  blank,
  required,
  error,
}: {
  label: string;
  name: string;
  options: { id: string; name: string }[];
  blank?: boolean;
  required?: boolean;
  error?: string;
}) {
  return (
    <label className="text-sm">
      <span className="field-label">{label}</span>
      <select name={name} className="field-input" required={required} aria-invalid={error ? true : undefined}>
        {blank ? <option value="">—</option> : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      <FieldError message={error} />
    </label>
  );
}

/** A message under a group of fields (checkboxes, a select, a text area) that has no single input to describe. */
export function FieldError({ message }: { message?: string }) {
  return message ? <span className="field-error block">{message}</span> : null;
}
