import { defineMessages } from "../define";

export const agenda = defineMessages({
  "zh-CN": {},
  en: {},
});
