import type { InputHTMLAttributes } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string | string[] | null;
  hint?: string;
};

/** A labelled input with its hint and error wired to aria-describedby, so screen readers announce them. */
export function Field({ label, name, error, hint, id, required, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [hint ? `${inputId}-hint` : null, message ? `${inputId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="mb-4">
      <label htmlFor={inputId} className="field-label">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-danger">
            {" "}
            *
          </span>
        ) : null}
      </label>
      <input id={inputId} name={name} required={required} aria-invalid={message ? true : undefined} aria-describedby={describedBy || undefined} className="field-input" {...input} />
      {hint ? (
        <p id={`${inputId}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${inputId}-error`} className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
