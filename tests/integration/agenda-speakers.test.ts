import { PNG } from "pngjs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createSpeaker, readSpeakerPhoto, saveSpeakerPhoto, maxPhotoBytes } from "~/models/speaker.server";
import { prisma } from "~/models/store/connection.server";
import { HttpError } from "~/utils/http.server";

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, fields: error.fields };
    throw error;
  }
  throw new Error("expected a refusal");
}

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return PNG.sync.write(image);
}

describe("speaker directory", () => {
  it("validates people and refuses a bad e-mail without saving", async () => {
    const db = await prisma();
    const before = await db.speaker.count();
    expect(await refusal(createSpeaker({ name: "", email: "not-an-email" }))).toEqual({
      status: 422,
      fields: { name: "validation.required", email: "validation.email" },
    });
    expect(await db.speaker.count()).toBe(before);
  });

  it("stores a real image found by its bytes, and refuses fakes and oversized files", async () => {
    const speaker = await createSpeaker({ name: "Photo Person" });
    // A text file that only claims to be an image is refused; so is an empty one.
    expect((await refusal(saveSpeakerPhoto(speaker.id, new TextEncoder().encode("<svg onload=alert(1)>")))).fields).toEqual({ photo: "agenda.validation.photoType" });
    expect((await refusal(saveSpeakerPhoto(speaker.id, new Uint8Array()))).fields).toEqual({ photo: "agenda.validation.photoType" });
    const huge = new Uint8Array(maxPhotoBytes + 1);
    huge.set(png(1, 1));
    expect((await refusal(saveSpeakerPhoto(speaker.id, huge))).fields).toEqual({ photo: "agenda.validation.photoSize" });
    expect((await (await prisma()).speaker.findUniqueOrThrow({ where: { id: speaker.id } })).photoPath).toBeNull();

    const saved = await saveSpeakerPhoto(speaker.id, png(40, 30));
    // Re-encoded as JPEG from the decoded pixels (issue 12 §11).
    expect(saved.photoPath).toBe(`${speaker.id}.jpg`);
    const stored = (await readSpeakerPhoto(speaker.id))!;
    expect(stored.contentType).toBe("image/jpeg");
    expect(await sharp(stored.bytes).metadata()).toMatchObject({ format: "jpeg", width: 40, height: 30 });
  });
});
