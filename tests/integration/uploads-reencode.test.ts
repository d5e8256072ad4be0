import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { foundingFirms } from "../../prisma/seed/programme";
import { createSpeaker } from "~/models/speaker.server";
import { prisma } from "~/models/store/connection.server";
import type { CookieJar } from "../support/server";
import { startTestServer } from "../support/server";
import { demo, signIn } from "../support/staff";

/**
 * Issue 12 §11: every uploaded image (firm logos, speaker photos) is decoded and re-encoded, so what is served
 * is only what was decoded: no trailing script, no EXIF (GPS), no decompression bomb, no renamed text file.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let firmJar: CookieJar;
let adminJar: CookieJar;
let firmId = "";

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
  firmJar = await signIn(server.baseUrl, demo.firm.email, demo.firm.password);
  adminJar = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
  firmId = (await (await prisma()).firm.findFirstOrThrow({ where: { name: foundingFirms[0].name } })).id;
});
afterAll(() => server?.close());

function multipart(field: string, bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

async function uploadLogo(bytes: Uint8Array, name = "logo.png", type = "image/png") {
  const response = await firmJar.fetch(`${server.baseUrl}/firm?firm=${firmId}`, { method: "POST", body: multipart("logo", bytes, name, type) });
  const { logoPath } = await (await prisma()).firm.findUniqueOrThrow({ where: { id: firmId } });
  return { response, served: logoPath ? await fetch(`${server.baseUrl}/uploads/${logoPath}`) : null };
}

async function uploadPhoto(bytes: Uint8Array, name = "photo.jpg", type = "image/jpeg") {
  const speaker = await createSpeaker({ name: `Upload ${Math.random().toString(36).slice(2, 8)}` });
  const response = await adminJar.fetch(`${server.baseUrl}/admin/speakers/${speaker.id}`, { method: "POST", body: multipart("photo", bytes, name, type) });
  const { photoPath } = await (await prisma()).speaker.findUniqueOrThrow({ where: { id: speaker.id } });
  return { response, served: photoPath ? await fetch(`${server.baseUrl}/speakers/${speaker.id}/photo`) : null };
}

const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 4, background: { r: 40, g: 120, b: 200, alpha: 1 } } });

/** A photo as phones write it: EXIF with a GPS position and a camera make, and "rotate 90°" in Orientation. */
const geotaggedJpeg = () =>
  picture(64, 48)
    .withExif({ IFD0: { Make: "SpyCam" }, IFD3: { GPSMapDatum: "WGS-84-HOME", GPSLatitudeRef: "N", GPSLatitude: "39/1 54/1 2700/100" } })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();

/** A 20000 × 20000 PNG (400 megapixels) that compresses to about 50 KB. */
function pngBomb(): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, "latin1"), body])));
    return Buffer.concat([length, Buffer.from(type, "latin1"), body, crc]);
  };
  const side = 20_000;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // one bit per pixel, greyscale
  const rows = Buffer.alloc((Math.ceil(side / 8) + 1) * side);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const trailingScript = "<script>alert(document.cookie)</script>";

describe("firm logos are re-encoded", () => {
  it("serves a PNG followed by <script> as a clean PNG that decodes", async () => {
    const png = await picture(120, 60).png().toBuffer();
    const { response, served } = await uploadLogo(Buffer.concat([png, Buffer.from(trailingScript)]));
    expect(response.status).toBe(200);
    expect(served?.status).toBe(200);
    expect(served?.headers.get("Content-Type")).toBe("image/png");
    const bytes = Buffer.from(await served!.arrayBuffer());
    expect(bytes.includes("<script")).toBe(false);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: "png", width: 120, height: 60 });
  });

  it("keeps transparency, shrinks a large logo to 1024 px keeping its aspect, and strips EXIF", async () => {
    const transparent = await sharp({ create: { width: 2048, height: 1024, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .withExif({ IFD0: { Make: "SpyCam" } })
      .png()
      .toBuffer();
    const { response, served } = await uploadLogo(transparent);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await served!.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: "png", width: 1024, height: 512, hasAlpha: true });
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes("SpyCam")).toBe(false);
  });

  it("refuses a 20000 × 20000 PNG bomb quickly with a message, and a text file renamed .png", async () => {
    const before = (await (await prisma()).firm.findUniqueOrThrow({ where: { id: firmId } })).logoPath;
    const started = Date.now();
    const bomb = await uploadLogo(pngBomb());
    expect(bomb.response.status).toBe(422);
    expect(await bomb.response.text()).toContain("图片尺寸不合适");
    expect(Date.now() - started).toBeLessThan(5_000);

    const text = await uploadLogo(new TextEncoder().encode("just some text, honestly\n"), "notes.png");
    expect(text.response.status).toBe(415);
    expect(await text.response.text()).toContain("文件不是 PNG、JPEG 或 WebP 图片。");
    expect((await (await prisma()).firm.findUniqueOrThrow({ where: { id: firmId } })).logoPath).toBe(before);
  });
});

describe("speaker photos are re-encoded", () => {
  it("serves a PNG followed by <script> as a clean JPEG that decodes", async () => {
    const png = await picture(80, 100).png().toBuffer();
    const { response, served } = await uploadPhoto(Buffer.concat([png, Buffer.from(trailingScript)]), "photo.png", "image/png");
    expect(response.status).toBe(200);
    expect(served?.headers.get("Content-Type")).toBe("image/jpeg");
    const bytes = Buffer.from(await served!.arrayBuffer());
    expect(bytes.includes("<script")).toBe(false);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: "jpeg", width: 80, height: 100 });
  });

  it("drops EXIF (GPS position, camera) from a JPEG and turns it upright by its Orientation", async () => {
    const original = await geotaggedJpeg();
    expect(original.includes("WGS-84-HOME")).toBe(true);
    const { response, served } = await uploadPhoto(original);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await served!.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes("WGS-84-HOME")).toBe(false);
    expect(bytes.includes("SpyCam")).toBe(false);
    // Orientation 6 means "rotate 90°": the stored photo is upright, 48 wide and 64 high, with no tag left.
    expect(metadata).toMatchObject({ format: "jpeg", width: 48, height: 64 });
    expect(metadata.orientation).toBeUndefined();
  });

  it("refuses a 20000 × 20000 PNG bomb quickly, and a text file renamed .png, with a message", async () => {
    const started = Date.now();
    const bomb = await uploadPhoto(pngBomb(), "bomb.png", "image/png");
    expect(bomb.response.status).toBe(422);
    expect(await bomb.response.text()).toContain("图片尺寸过大");
    expect(bomb.served).toBeNull();
    expect(Date.now() - started).toBeLessThan(5_000);

    const text = await uploadPhoto(new TextEncoder().encode("just some text, honestly\n"), "notes.png", "image/png");
    expect(text.response.status).toBe(422);
    expect(await text.response.text()).toContain("请上传 JPEG、PNG、WebP 或 GIF 图片。");
    expect(text.served).toBeNull();
  });
});
