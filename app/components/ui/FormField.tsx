import { cloneElement, type InputHTMLAttributes, type ReactElement, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

type ControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string; required?: boolean };
type FieldError = string | string[] | null;

/**
 * A label, its control, a hint and an error, wired together: the label names the control, and the hint and
 * the error are announced with it (aria-describedby) and mark it invalid (aria-invalid). Any control fits:
 * an <input className="field-input">, a <select>, a <textarea>. `Field`, `SelectField` and `TextAreaField`
 * below are the usual controls already wrapped.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  required,
  className = "mb-4",
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  required?: boolean;
  className?: string;
  children: ReactElement<ControlProps>;
}) {
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null, children.props["aria-describedby"]].filter(Boolean).join(" ");
  const control = cloneElement(children, { id, required: required ?? children.props.required, "aria-invalid": message ? true : undefined, "aria-describedby": describedBy || undefined });
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-danger">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {control}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}

type Wrapped = { label: string; name: string; error?: FieldError; hint?: string };

/** A labelled text input (`type` as on <input>); its id is `field-<name>` unless given. */
export function Field({ label, name, error, hint, id, required, ...input }: Wrapped & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FormField id={id ?? `field-${name}`} label={label} hint={hint} error={error} required={required}>
      <input name={name} className="field-input" {...input} />
    </FormField>
  );
}

export function SelectField({ label, name, error, hint, id, required, children, ...select }: Wrapped & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <FormField id={id ?? `field-${name}`} label={label} hint={hint} error={error} required={required}>
      <select name={name} className="field-input" {...select}>
        {children}
      </select>
    </FormField>
  );
}

export function TextAreaField({ label, name, error, hint, id, required, rows = 3, ...textarea }: Wrapped & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FormField id={id ?? `field-${name}`} label={label} hint={hint} error={error} required={required}>
      <textarea name={name} rows={rows} className="field-input" {...textarea} />
    </FormField>
  );
}
