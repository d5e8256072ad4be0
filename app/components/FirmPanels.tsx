import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/ui/FormField";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { answerFor } from "~/components/forms/answerFor";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { firmSizes } from "~/schemas/application";
import { addDomainForm, firmProfileForm, inviteContactForm } from "~/schemas/firm";
import { formatDate, programmeZone } from "~/utils/time";
import { Badge } from "~/components/ui/Badge";
import { Table, Td, Th, Tr } from "~/components/ui/Table";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

/** What `firmPageData` returns (app/route-helpers/firm-actions.server.ts), after serialisation. */
export type FirmPageData = {
  firm: {
    id: string;
    name: string;
    nameEn: string;
    industry: string;
    industryEn: string;
    city: string;
    cityEn: string;
    website: string;
    size: string;
    description: string;
    descriptionEn: string;
    offers: string;
    needs: string;
    logo: string | null;
    status: string;
    founding: boolean;
    creditCode: string | null;
    memberSince: string | null;
  };
  contacts: { grantId: string; userId: string; email: string; name: string; role: string; active: boolean; invitedSince: string }[];
  emailDomains: { id: string; domain: string }[];
  progress: {
    done: number;
    total: number;
    overdue: number;
    steps: { stepId: string; key: string; title: string; titleEn: string; dueAt: string | null; completedAt: string | null; overdue: boolean }[];
  };
};

/** A form of a firm page: validated in the browser and on the server with its schema, showing only its own answer. */
function useFirmForm<Schema extends Parameters<typeof useSubmissionForm>[0]>(schema: Schema, intent: string) {
  return useSubmissionForm(schema, { id: `firm-${intent}`, lastResult: answerFor(useActionData(), intent)?.result });
}

export function ProfileForm({ data, action }: { data: FirmPageData; action: string }) {
  const t = useT();
  const navigation = useNavigation();
  const { form, errorOf: error } = useFirmForm(firmProfileForm, "profile");
  const { firm } = data;
  return (
    <Card aria-labelledby="profile-heading" as="section">
      <h2 id="profile-heading" className="mb-3 text-lg font-semibold">
        {t("programme.portal.profile")}
      </h2>
      <ActionNotice intent="profile" />
      <Form method="post" action={action} id={form.id} onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="intent" value="profile" />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field label={t("programme.field.firmName")} name="name" defaultValue={firm.name} required maxLength={100} error={error("name")} />
          <Field label={t("programme.field.nameEn")} name="nameEn" defaultValue={firm.nameEn} maxLength={100} error={error("nameEn")} />
          <Field label={t("programme.field.industry")} name="industry" defaultValue={firm.industry} required maxLength={50} error={error("industry")} />
          <Field label={t("localized.englishField", { field: t("programme.field.industry") })} name="industryEn" lang="en" defaultValue={firm.industryEn} maxLength={50} error={error("industryEn")} />
          <Field label={t("programme.field.city")} name="city" defaultValue={firm.city} required maxLength={50} error={error("city")} />
          <Field label={t("localized.englishField", { field: t("programme.field.city") })} name="cityEn" lang="en" defaultValue={firm.cityEn} maxLength={50} error={error("cityEn")} />
          <Field label={t("programme.field.website")} name="website" defaultValue={firm.website} maxLength={200} error={error("website")} />
          <div className="mb-4">
            <label htmlFor="profile-size" className="field-label">
              {t("programme.field.size")}
            </label>
            <select id="profile-size" name="size" defaultValue={firm.size} className="field-input" aria-invalid={error("size") ? true : undefined}>
              <option value="">{t("programme.size.choose")}</option>
              {firmSizes.map((size) => (
                <option key={size} value={size}>
                  {t(`programme.size.${size}`)}
                </option>
              ))}
            </select>
            {error("size") ? (
              <p className="field-error" role="alert">
                {error("size")}
              </p>
            ) : null}
          </div>
        </div>
        {(["description", "descriptionEn", "offers", "needs"] as const).map((name) => (
          <div className="mb-4" key={name}>
            <label htmlFor={`profile-${name}`} className="field-label">
              {name === "descriptionEn"
                ? t("localized.englishField", { field: t("programme.field.description") })
                : t(name === "description" ? "programme.field.description" : name === "offers" ? "programme.profile.offers" : "programme.profile.needs")}
            </label>
            <textarea
              id={`profile-${name}`}
              name={name}
              rows={3}
              lang={name === "descriptionEn" ? "en" : undefined}
              maxLength={name === "description" ? 500 : name === "descriptionEn" ? 1000 : 2000}
              defaultValue={firm[name]}
              className="field-input"
            />
            {error(name) ? (
              <p className="field-error" role="alert">
                {error(name)}
              </p>
            ) : null}
          </div>
        ))}
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {t("action.save")}
        </Button>
      </Form>
    </Card>
  );
}

export function LogoForm({ data, action }: { data: FirmPageData; action: string }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <Card aria-labelledby="logo-heading" as="section">
      <h2 id="logo-heading" className="mb-3 text-lg font-semibold">
        {t("programme.field.logo")}
      </h2>
      <ActionNotice intent="logo" />
      {data.firm.logo ? (
        <img src={data.firm.logo} alt={t("programme.directory.logoAlt", { firm: localized(data.firm.name, data.firm.nameEn) })} className="mb-3 h-20 w-20 rounded border object-contain" />
      ) : (
        <p className="mb-3 text-sm text-muted">{t("programme.logo.none")}</p>
      )}
      <Form method="post" action={action} encType="multipart/form-data">
        <label htmlFor="logo-file" className="field-label">
          {t("programme.logo.upload")}
        </label>
        <input id="logo-file" name="logo" type="file" accept="image/png,image/jpeg,image/webp" required aria-describedby="logo-hint" className="block w-full text-sm" />
        <p id="logo-hint" className="mt-1 text-sm text-muted">
          {t("programme.field.logoHint")}
        </p>
        <Button type="submit" className="mt-3">
          {t("programme.logo.upload")}
        </Button>
      </Form>
    </Card>
  );
}

export function ContactsPanel({ data, action }: { data: FirmPageData; action: string }) {
  const t = useT();
  const localized = useLocalized();
  const { form, errorOf: error } = useFirmForm(inviteContactForm, "invite");
  return (
    <Card aria-labelledby="contacts-heading" as="section">
      <h2 id="contacts-heading" className="mb-3 text-lg font-semibold">
        {t("programme.contacts.heading")}
      </h2>
      <ActionNotice intent="remove" />
      <Table caption={t("programme.contacts.caption", { firm: localized(data.firm.name, data.firm.nameEn) })}>
        <thead>
          <Tr>
            <Th>{t("programme.contacts.name")}</Th>
            <Th>{t("programme.contacts.email")}</Th>
            <Th>{t("programme.contacts.role")}</Th>
            <Th>{t("programme.contacts.status")}</Th>
            <Th>
              <span className="sr-only">{t("programme.contacts.remove")}</span>
            </Th>
          </Tr>
        </thead>
        <tbody>
          {data.contacts.map((contact) => (
            <Tr key={contact.grantId}>
              <Td className="min-w-24">{contact.name}</Td>
              <Td className="min-w-40 break-all">{contact.email}</Td>
              <Td className="whitespace-nowrap">{t("programme.contacts.role.FIRM_CONTACT")}</Td>
              <Td>
                <Badge tone={contact.active ? "success" : "warning"}>{contact.active ? t("programme.contacts.active") : t("programme.contacts.pending")}</Badge>
              </Td>
              <Td>
                {data.contacts.length > 1 ? (
                  <Form method="post" action={action}>
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={contact.userId} />
                    <button type="submit" className="text-danger underline" aria-label={`${t("programme.contacts.remove")} ${contact.name}`}>
                      {t("programme.contacts.remove")}
                    </button>
                  </Form>
                ) : null}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <h3 className="mt-4 font-semibold">{t("programme.contacts.invite")}</h3>
      <ActionNotice intent="invite" />
      <Form method="post" action={action} id={form.id} onSubmit={form.onSubmit} noValidate className="mt-2 grid gap-x-4 sm:grid-cols-2">
        <input type="hidden" name="intent" value="invite" />
        <Field label={t("programme.contacts.name")} name="name" id="invite-name" required maxLength={100} error={error("name")} />
        <Field label={t("programme.contacts.email")} name="email" id="invite-email" type="email" required maxLength={254} error={error("email")} />
        <div className="sm:col-span-2">
          <Button type="submit">{t("programme.contacts.invite")}</Button>
        </div>
      </Form>
    </Card>
  );
}

/**
 * The mail domains whose addresses use the firm's reserved seats. Organizers edit them; the firm's contacts
 * see them read-only, so a firm cannot claim someone else's domain.
 */
export function EmailDomainsPanel({ data, action, editable }: { data: FirmPageData; action: string; editable: boolean }) {
  const t = useT();
  const { form, errorOf } = useFirmForm(addDomainForm, "addDomain");
  return (
    <Card aria-labelledby="domains-heading" as="section">
      <h2 id="domains-heading" className="mb-1 text-lg font-semibold">
        {t("programme.domains.heading")}
      </h2>
      <p className="mb-3 text-sm text-muted">{t(editable ? "programme.domains.intro" : "programme.domains.introReadOnly")}</p>
      <ActionNotice intent="removeDomain" />
      {data.emailDomains.length === 0 ? <p className="text-sm text-muted">{t("programme.domains.none")}</p> : null}
      <ul className="space-y-1 text-sm">
        {data.emailDomains.map((row) => (
          <li key={row.id} className="flex items-center gap-3">
            <span className="font-mono">@{row.domain}</span>
            {editable ? (
              <Form method="post" action={action}>
                <input type="hidden" name="intent" value="removeDomain" />
                <input type="hidden" name="domainId" value={row.id} />
                <button type="submit" className="text-danger underline" aria-label={`${t("programme.domains.remove")} ${row.domain}`}>
                  {t("programme.domains.remove")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <>
          <ActionNotice intent="addDomain" />
          <Form method="post" action={action} id={form.id} onSubmit={form.onSubmit} noValidate className="mt-3 flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="addDomain" />
            <div className="flex-1">
              <Field label={t("programme.domains.domain")} name="domain" id="domain" required maxLength={253} placeholder="example.com" error={errorOf("domain")} />
            </div>
            <Button type="submit" variant="secondary" className="mb-4">
              {t("programme.domains.add")}
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}

export function OnboardingPanel({ data, action }: { data: FirmPageData; action: string }) {
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const { progress } = data;
  return (
    <Card aria-labelledby="onboarding-heading" as="section">
      <h2 id="onboarding-heading" className="text-lg font-semibold">
        {t("programme.onboarding.heading")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("programme.onboarding.progress", { done: progress.done, total: progress.total })}</p>
      <progress className="mt-2 h-2 w-full" max={progress.total || 1} value={progress.done} aria-label={t("programme.onboarding.progress", { done: progress.done, total: progress.total })} />
      <ActionNotice intent="step" />
      <ul className="mt-3 divide-y">
        {progress.steps.map((step) => (
          <li key={step.stepId} className="flex flex-wrap items-center justify-between gap-2 py-2" data-step={step.key}>
            <div>
              <p className="font-medium">
                {step.completedAt ? "✓ " : ""}
                {localized(step.title, step.titleEn)}
              </p>
              <p className={`text-sm ${step.overdue ? "font-semibold text-danger" : "text-muted"}`}>
                {step.completedAt
                  ? t("programme.onboarding.doneOn", { date: formatDate(step.completedAt, programmeZone, locale) })
                  : step.overdue
                    ? `${t("programme.onboarding.overdue")} · ${t("programme.onboarding.dueOn", { date: formatDate(step.dueAt!, programmeZone, locale) })}`
                    : step.dueAt
                      ? t("programme.onboarding.dueOn", { date: formatDate(step.dueAt, programmeZone, locale) })
                      : t("programme.onboarding.open")}
              </p>
            </div>
            <Form method="post" action={action}>
              <input type="hidden" name="intent" value="step" />
              <input type="hidden" name="stepId" value={step.stepId} />
              <input type="hidden" name="done" value={step.completedAt ? "0" : "1"} />
              <Button type="submit" variant={step.completedAt ? "secondary" : "primary"}>
                {step.completedAt ? t("programme.onboarding.reopen") : t("programme.onboarding.markDone")}
                <span className="sr-only">: {localized(step.title, step.titleEn)}</span>
              </Button>
            </Form>
          </li>
        ))}
      </ul>
    </Card>
  );
}
