import { resolve } from "node:path";

export const tmpDir = resolve("tests/.tmp");
export const templateDb = resolve(tmpDir, "template.db");
