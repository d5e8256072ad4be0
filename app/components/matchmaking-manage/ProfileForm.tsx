import { Form, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { Button } from "~/components/ui/Button";
import { Field, SelectField, TextAreaField } from "~/components/ui/FormField";
import type { MessageKey } from "~/i18n";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { matchSides, shareableFields, type MatchSideName, type ShareableField } from "~/models/matchmaking-rules";
import { manageProfileForm } from "~/schemas/matchmaking";
import { formatDate, formatTime } from "~/utils/time";
import { useLastResult } from "./action-answer";
import { Card } from "~/components/ui/Card";
import { Notice } from "~/components/ui/Toast";

export type OwnProfile = { side: MatchSideName; offers: string; needs: string; tags: string[]; industry: string | null; shared: ShareableField[]; availability: string[] };
export type Industry = { code: string; name: string; nameEn: string };
type Slot = { id: string; startsAt: string; endsAt: string };

// Shared unless the person unticks them: what a name badge shows anyway.
const sharedByDefault: ShareableField[] = ["name", "organization", "jobTitle"];

/**
 * Opting in and changing the profile. Each shareable registration field is a checkbox showing the value it
 * would reveal; a new profile is available in every slot until the person unticks some.
 */
export function ProfileForm({
  profile,
  slots,
  industries,
  own,
  open,
  timeZone,
}: {
  profile: OwnProfile | null;
  slots: Slot[];
  industries: Industry[];
  own: Record<ShareableField, string>;
  open: boolean;
  timeZone: string;
}) {
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const busy = useNavigation().state !== "idle";
  const { form, errorOf, formErrors } = useSubmissionForm(manageProfileForm, { id: "profile", lastResult: useLastResult("profile") });
  const shared = profile?.shared ?? sharedByDefault;
  const available = new Set(profile?.availability ?? slots.map((slot) => slot.id));
  return (
    <Card as="section" className="mt-4" aria-labelledby="profile-heading">
      <h2 id="profile-heading" className="mb-1 text-lg font-semibold">
        {profile ? t("matchmakingManage.editProfile") : t("matchmaking.profile.title")}
      </h2>
      <p className="mb-3 text-sm text-muted">{t("matchmaking.profile.intro")}</p>
      {open ? null : (
        <Notice tone="warning" className="mb-3 text-sm">
          {t("matchmaking.profile.closed")}
        </Notice>
      )}
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="intent" value="profile" />
        <FormErrors messages={formErrors} />
        <fieldset className="mb-4" aria-describedby={errorOf("side") ? "side-error" : undefined}>
          <legend className="field-label">
            {t("matchmaking.profile.side")}
            <span aria-hidden="true" className="text-danger">
              {" "}
              *
            </span>
          </legend>
          <div className="flex flex-wrap gap-x-4">
            {matchSides.map((side) => (
              <label key={side} className="flex items-center gap-2 py-1">
                <input type="radio" name="side" value={side} defaultChecked={profile?.side === side} />
                {t(`matchmaking.side.${side}`)}
              </label>
            ))}
          </div>
          {errorOf("side") ? (
            <p id="side-error" className="field-error" role="alert">
              {errorOf("side")}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField name="offers" label={t("matchmaking.profile.offers")} defaultValue={profile?.offers} error={errorOf("offers")} />
        <TextAreaField name="needs" label={t("matchmaking.profile.needs")} defaultValue={profile?.needs} error={errorOf("needs")} />
        <Field name="tags" label={t("matchmaking.profile.tags")} defaultValue={profile?.tags.join(", ")} error={errorOf("tags")} />
        <SelectField name="industry" label={t("matchmaking.profile.industry")} defaultValue={profile?.industry ?? ""} error={errorOf("industry")}>
          <option value="">{t("matchmaking.profile.noIndustry")}</option>
          {industries.map((industry) => (
            <option key={industry.code} value={industry.code}>
              {localized(industry.name, industry.nameEn)}
            </option>
          ))}
        </SelectField>
        <fieldset className="mb-4" aria-describedby="shared-hint">
          <legend className="field-label">{t("matchmaking.profile.shared")}</legend>
          <p id="shared-hint" className="field-hint mb-1">
            {t("matchmakingManage.sharedHint")}
          </p>
          {shareableFields.map((field) => (
            <label key={field} className="flex items-start gap-2 py-1">
              <input type="checkbox" name="shared" value={field} className="mt-1" defaultChecked={shared.includes(field)} />
              <span className="min-w-0 break-words">
                {t(`registration.form.${field}` as MessageKey)}: <span className="text-muted">{own[field] || t("matchmakingManage.sharedEmpty")}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="mb-4" aria-describedby="availability-hint">
          <legend className="field-label">{t("matchmaking.profile.availability")}</legend>
          <p id="availability-hint" className="field-hint mb-1">
            {slots.length ? t("matchmakingManage.availabilityHint") : t("matchmakingManage.noSlots")}
          </p>
          {slots.map((slot) => (
            <label key={slot.id} className="flex items-center gap-2 py-1">
              <input type="checkbox" name="availability" value={slot.id} defaultChecked={available.has(slot.id)} />
              {formatDate(slot.startsAt, timeZone, locale)} {formatTime(slot.startsAt, timeZone)}–{formatTime(slot.endsAt, timeZone)}
            </label>
          ))}
          {errorOf("availability") ? (
            <p className="field-error" role="alert">
              {errorOf("availability")}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={busy || !open}>
          {profile ? t("matchmaking.profile.save") : t("matchmakingManage.join")}
        </Button>
      </Form>
    </Card>
  );
}
