import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { firmSizes, issueText } from "~/schemas/application";

type Errors = Record<string, string[] | undefined>;

function FieldError({ id, errors, name }: { id: string; errors: Errors; name: string }) {
  const t = useT();
  const message = errors[name]?.[0];
  return message ? (
    <p id={`${id}-error`} className="field-error" role="alert">
      {issueText(message, t as never)}
    </p>
  ) : null;
}

function TextInput({
  name,
  label,
  errors,
  defaults,
  type = "text",
  required = false,
  hint,
  autoComplete,
  maxLength,
}: {
  name: string;
  label: MessageKey;
  errors: Errors;
  defaults: Record<string, string | null | undefined>;
  type?: string;
  required?: boolean;
  hint?: MessageKey;
  autoComplete?: string;
  maxLength?: number;
}) {
  const t = useT();
  const id = `application-${name}`;
  const invalid = Boolean(errors[name]?.length);
  const describedBy = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="field-label">
        {t(label)}
        {required ? (
          <span aria-hidden="true" className="text-danger">
            {" "}
            *
          </span>
        ) : null}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        defaultValue={defaults[name] ?? ""}
        autoComplete={autoComplete}
        maxLength={maxLength}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="field-input"
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {t(hint)}
        </p>
      ) : null}
      <FieldError id={id} errors={errors} name={name} />
    </div>
  );
}

function TextArea({ name, label, errors, defaults }: { name: string; label: MessageKey; errors: Errors; defaults: Record<string, string | null | undefined> }) {
  const t = useT();
  const id = `application-${name}`;
  const invalid = Boolean(errors[name]?.length);
  return (
    <div className="mb-4">
      <label htmlFor={id} className="field-label">
        {t(label)}
      </label>
      <textarea
        id={id}
        name={name}
        rows={3}
        maxLength={2000}
        defaultValue={defaults[name] ?? ""}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className="field-input"
      />
      <FieldError id={id} errors={errors} name={name} />
    </div>
  );
}

/** The firm and contact fields of an application, shared by the application form and the amend page. */
export function ApplicationFields({ errors, defaults, withCreditCode }: { errors: Errors; defaults: Record<string, string | null | undefined>; withCreditCode: boolean }) {
  const t = useT();
  const sizeInvalid = Boolean(errors.size?.length);
  return (
    <>
      <fieldset className="card mb-4">
        <legend className="px-1 font-semibold">{t("programme.apply.firmSection")}</legend>
        <TextInput name="firmName" label="programme.field.firmName" errors={errors} defaults={defaults} required autoComplete="organization" maxLength={100} />
        {withCreditCode ? <TextInput name="creditCode" label="programme.field.creditCode" errors={errors} defaults={defaults} required hint="programme.field.creditCodeHint" maxLength={40} /> : null}
        <TextInput name="industry" label="programme.field.industry" errors={errors} defaults={defaults} required maxLength={50} />
        <TextInput name="city" label="programme.field.city" errors={errors} defaults={defaults} required maxLength={50} />
        <TextInput name="website" label="programme.field.website" errors={errors} defaults={defaults} type="text" autoComplete="url" maxLength={200} />
        <div className="mb-4">
          <label htmlFor="application-size" className="field-label">
            {t("programme.field.size")}
            <span aria-hidden="true" className="text-danger">
              {" "}
              *
            </span>
          </label>
          <select
            id="application-size"
            name="size"
            required
            defaultValue={defaults.size ?? ""}
            aria-invalid={sizeInvalid || undefined}
            aria-describedby={sizeInvalid ? "application-size-error" : undefined}
            className="field-input"
          >
            <option value="">{t("programme.size.choose")}</option>
            {firmSizes.map((size) => (
              <option key={size} value={size}>
                {t(`programme.size.${size}`)}
              </option>
            ))}
          </select>
          <FieldError id="application-size" errors={errors} name="size" />
        </div>
        <TextArea name="offers" label="programme.field.offers" errors={errors} defaults={defaults} />
        <TextArea name="needs" label="programme.field.needs" errors={errors} defaults={defaults} />
      </fieldset>
      <fieldset className="card mb-4">
        <legend className="px-1 font-semibold">{t("programme.apply.contactSection")}</legend>
        <TextInput name="contactName" label="programme.field.contactName" errors={errors} defaults={defaults} required autoComplete="name" maxLength={100} />
        <TextInput name="contactEmail" label="programme.field.contactEmail" errors={errors} defaults={defaults} type="email" required autoComplete="email" maxLength={254} />
        <TextInput name="contactPhone" label="programme.field.contactPhone" errors={errors} defaults={defaults} type="tel" required autoComplete="tel" maxLength={30} />
      </fieldset>
    </>
  );
}
