import { defineMessages } from "../define";

export const checkin = defineMessages({
  "zh-CN": {},
  en: {},
});
