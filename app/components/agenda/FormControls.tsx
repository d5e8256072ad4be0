import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type Common = { label: string; name: string; error?: string | null; hint?: string };

function Described({ id, error, hint }: { id: string; error?: string | null; hint?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

const describedBy = (id: string, error?: string | null, hint?: string) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function SelectField({ label, name, error, hint, id, children, required, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const inputId = id ?? `field-${name}`;
  return (
    <div className="mb-4">
      <label htmlFor={inputId} className="field-label">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        ) : null}
      </label>
      <select id={inputId} name={name} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(inputId, error, hint)} className="field-input" {...rest}>
        {children}
      </select>
      <Described id={inputId} error={error} hint={hint} />
    </div>
  );
}

export function TextAreaField({ label, name, error, hint, id, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const inputId = id ?? `field-${name}`;
  return (
    <div className="mb-4">
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <textarea id={inputId} name={name} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy(inputId, error, hint)} className="field-input" {...rest} />
      <Described id={inputId} error={error} hint={hint} />
    </div>
  );
}

export function FormAlert({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-red-800">
      {message}
    </p>
  );
}

export function Notice({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-green-900">
      {message}
    </p>
  );
}
