import { cloneElement, type ReactElement } from "react";

type ControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string; required?: boolean };

/**
 * A label, its control, a hint and an error, wired together: the label names the control, and the hint and
 * the error are announced with it (aria-describedby) and mark it invalid (aria-invalid). Any control fits:
 * an <input className="field-input">, a <select>, a <textarea>.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | string[] | null;
  required?: boolean;
  children: ReactElement<ControlProps>;
}) {
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null, children.props["aria-describedby"]].filter(Boolean).join(" ");
  const control = cloneElement(children, { id, required: required ?? children.props.required, "aria-invalid": message ? true : undefined, "aria-describedby": describedBy || undefined });
  return (
    <div className="mb-4">
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
