import { Form, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { answerFor } from "~/components/forms/answerFor";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";
import { Field, TextAreaField } from "~/components/ui/FormField";
import { useT } from "~/i18n/react";
import { zLongText, zRequiredLongText } from "~/utils/text";

const addNoteForm = z.object({ intent: z.literal("addNote"), body: zRequiredLongText(2000) });
const listNoteForm = z.object({ intent: z.literal("listNote"), note: zLongText(2000) });

type Note = { id: string; body: string; author: string; authorUserId: string; at: string };

/**
 * Internal notes on a person, newest first, each with its author and time; the author can delete their own.
 * Below them the single note that travels with the spreadsheet export and import.
 */
export function RegistrationNotes({ notes, viewerId, listNote }: { notes: Note[]; viewerId: string; listNote: string }) {
  const t = useT();
  const actionData = useActionData();
  const navigation = useNavigation();
  const adding = useSubmissionForm(addNoteForm, { id: "add-note", lastResult: answerFor(actionData, "addNote")?.result });
  const listing = useSubmissionForm(listNoteForm, { id: "list-note", lastResult: answerFor(actionData, "listNote")?.result, defaultValue: { note: listNote } });
  const busy = navigation.state !== "idle";
  const bodyError = adding.errorOf("body");
  const listNoteError = listing.errorOf("note");
  return (
    <Card as="section" className="min-w-0" aria-labelledby="person-notes">
      <h3 id="person-notes" className="font-semibold">
        {t("registrations.person.notes")}
      </h3>
      <p className="mb-2 text-sm text-muted">{t("registrations.person.notesHint")}</p>
      {notes.length ? (
        <ul className="mb-3 grid gap-2" data-testid="notes">
          {notes.map((note) => (
            <li key={note.id} className="rounded border border-line p-2 text-sm">
              <p className="whitespace-pre-line break-words">{note.body}</p>
              <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-xs text-muted">
                <span>{t("registrations.person.noteBy", { author: note.author, time: note.at })}</span>
                {note.authorUserId === viewerId ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="deleteNote" />
                    <input type="hidden" name="noteId" value={note.id} />
                    <Button type="submit" variant="ghost" size="sm" className="text-danger" disabled={busy}>
                      {t("registrations.person.deleteNote")}
                    </Button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-sm text-muted">{t("registrations.person.noNotes")}</p>
      )}
      <FormErrors messages={adding.formErrors} />
      <Form method="post" id={adding.form.id} onSubmit={adding.form.onSubmit} noValidate className="grid gap-2">
        <input type="hidden" name="intent" value="addNote" />
        <TextAreaField id="note-body" label={t("registrations.person.noteBody")} name="body" maxLength={2000} error={bodyError} />
        <Button type="submit" className="w-max" disabled={busy}>
          {t("registrations.person.addNote")}
        </Button>
      </Form>
      <Form method="post" id={listing.form.id} onSubmit={listing.form.onSubmit} noValidate className="mt-4 grid gap-2 border-t border-line pt-3">
        <input type="hidden" name="intent" value="listNote" />
        <Field id="list-note" label={t("registrations.person.listNote")} name="note" defaultValue={listNote} maxLength={2000} error={listNoteError} />
        <Button type="submit" variant="secondary" className="w-max" disabled={busy}>
          {t("registration.admin.list.saveNote")}
        </Button>
      </Form>
    </Card>
  );
}
