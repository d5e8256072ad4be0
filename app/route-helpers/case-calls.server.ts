import { listTaxonomy } from "~/models/taxonomy.server";
import type { CaseCall } from "~/models/case-call.server";
import { inZone, programmeZone, timeZoneOptions } from "~/utils/time";

/** A `datetime-local` value with seconds, in the call's zone. */
export function localInput(instant: Date, zone: string): string {
  return inZone(instant, zone).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** The call's facts as the form shows them (a new call: empty, in the programme's zone, licence version 1). */
export function callFactsValues(call: CaseCall | null) {
  return {
    title: call?.title ?? "",
    titleEn: call?.titleEn ?? "",
    slug: call?.slug ?? "",
    description: call?.description ?? "",
    descriptionEn: call?.descriptionEn ?? "",
    eligibility: call?.eligibility ?? "",
    eligibilityEn: call?.eligibilityEn ?? "",
    industryCodes: call?.industryCodes ?? [],
    scenarioCodes: call?.scenarioCodes ?? [],
    timeZone: call?.timeZone ?? programmeZone,
    opensAt: call ? localInput(call.opensAt, call.timeZone) : "",
    closesAt: call ? localInput(call.closesAt, call.timeZone) : "",
    licence: call?.licence ?? "",
    licenceEn: call?.licenceEn ?? "",
    licenceVersion: call?.licenceVersion ?? "1",
  };
}

/** What the facts form needs beside the values: the taxonomy's terms and the zones to choose from. */
export async function callFormChoices() {
  const { industries, scenarios } = await listTaxonomy();
  const term = ({ code, name, nameEn }: { code: string; name: string; nameEn: string }) => ({ code, name, nameEn });
  return { taxonomy: { industries: industries.map(term), scenarios: scenarios.map(term) }, zones: timeZoneOptions() };
}
