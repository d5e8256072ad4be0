import { defineMessages } from "../define";

export const programme = defineMessages({
  "zh-CN": {},
  en: {},
});
