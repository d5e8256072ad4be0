import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button, ButtonLink } from "./Button";

/**
 * The filter bar of a list: a GET form, so each filtered list has its own URL and works without JavaScript.
 * The fields come as children (FilterSearch, FilterSelect); the bar adds the button that applies them and,
 * while a filter is set, the link that clears them all. `className` sets the grid's columns.
 */
export function FilterBar({
  label,
  apply,
  reset,
  resetTo,
  filtered,
  className = "",
  children,
}: {
  label: string;
  apply: ReactNode;
  reset: ReactNode;
  resetTo: string;
  filtered: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="get" role="search" aria-label={label} className={`card grid gap-3 lg:items-end ${className}`.trim()}>
      {children}
      <div className="flex items-end gap-2">
        <Button type="submit" className="flex-1 lg:flex-none">
          {apply}
        </Button>
        {filtered ? (
          <ButtonLink to={resetTo} variant="secondary" className="flex-1 lg:flex-none">
            {reset}
          </ButtonLink>
        ) : null}
      </div>
    </Form>
  );
}

/** One choice of a FilterBar; the empty value ("all") sets no filter. */
export function FilterSelect({
  id,
  name,
  label,
  value,
  all,
  options,
}: {
  id: string;
  name: string;
  label: ReactNode;
  value: string | null | undefined;
  all: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className="field-input">
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The free-text field of a FilterBar. */
export function FilterSearch({
  id,
  name = "q",
  label,
  value,
  placeholder,
  className,
}: {
  id: string;
  name?: string;
  label: ReactNode;
  value: string | null | undefined;
  placeholder?: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input id={id} name={name} type="search" defaultValue={value ?? ""} placeholder={placeholder} maxLength={100} className="field-input" />
    </div>
  );
}
