import type { LoaderFunctionArgs } from "@remix-run/node";
import { readSpeakerPhoto } from "~/models/speaker.server";

/** A speaker's photo from local storage; the type was checked from the bytes at upload. */
export async function loader({ params }: LoaderFunctionArgs) {
  const photo = await readSpeakerPhoto(params.speakerId ?? "");
  if (!photo) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(photo.bytes), {
    headers: { "Content-Type": photo.contentType, "Cache-Control": "public, max-age=86400", "Content-Disposition": "inline" },
  });
}
