import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/ui/FormField";
import { SpeakerForm } from "~/components/agenda/SpeakerForm";
import { useT } from "~/i18n/react";
import { addSpeaker, listSpeakers, speakerPhotoUrl } from "~/models/speaker.server";
import { speakerSchema } from "~/schemas/agenda";
import { handleSubmission, page } from "~/utils/route.server";
import { canManageSpeaker, requireSpeakerEditor } from "~/auth/permissions.server";
import { Localized } from "~/components/Localized";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireSpeakerEditor(request);
    const query = new URL(request.url).searchParams.get("q") ?? "";
    const speakers = await listSpeakers({ query });
    return {
      query,
      speakers: speakers.map((speaker) => {
        const manageable = canManageSpeaker(user, speaker);
        return {
          id: speaker.id,
          name: speaker.name,
          nameEn: speaker.nameEn,
          organization: speaker.organization,
          organizationEn: speaker.organizationEn,
          jobTitle: speaker.jobTitle,
          jobTitleEn: speaker.jobTitleEn,
          photo: speakerPhotoUrl(speaker),
          manageable,
          email: manageable ? speaker.email : null,
        };
      }),
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return page(request, async () => {
    const user = await requireSpeakerEditor(request);
    return handleSubmission(request, speakerSchema, async (facts) => {
      const speaker = await addSpeaker(facts, user.id);
      return redirect(`/admin/speakers/${speaker.id}`);
    });
  });
}

export default function Speakers() {
  const { speakers, query } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("agenda.admin.speakers.heading")}</h1>
      <Form method="get" className="flex items-end gap-2" role="search">
        <div className="flex-1">
          <Field label={t("agenda.admin.speakers.search")} name="q" type="search" defaultValue={query} />
        </div>
        <Button type="submit" variant="secondary" className="mb-4">
          {t("action.search")}
        </Button>
      </Form>
      {speakers.length === 0 ? <p className="text-muted">{t("agenda.admin.speakers.none")}</p> : null}
      <ul className="grid gap-2 sm:grid-cols-2">
        {speakers.map((speaker) => (
          <Card key={speaker.id} as="li" className="flex items-center gap-3">
            {speaker.photo ? <img src={speaker.photo} alt="" width={48} height={48} className="h-12 w-12 rounded-full object-cover" /> : null}
            <div>
              {speaker.manageable ? (
                <Link to={`/admin/speakers/${speaker.id}`} className="font-semibold hover:underline">
                  {speaker.name}
                </Link>
              ) : (
                <span className="font-semibold">{speaker.name}</span>
              )}
              <p className="text-sm text-muted">
                {speaker.organization ? <Localized zh={speaker.organization} en={speaker.organizationEn} /> : null}
                {speaker.organization && speaker.jobTitle ? " · " : null}
                {speaker.jobTitle ? <Localized zh={speaker.jobTitle} en={speaker.jobTitleEn} /> : null}
              </p>
            </div>
          </Card>
        ))}
      </ul>
      <Card as="section" aria-labelledby="new-speaker">
        <h2 id="new-speaker" className="mb-2 font-semibold">
          {t("agenda.admin.speakers.new")}
        </h2>
        <SpeakerForm lastResult={result?.result} submitLabel={t("action.create")} />
      </Card>
    </div>
  );
}
