import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { applicationAcceptedSchema, programmeDirectorySchema } from "~/schemas/api-programme";
import { applicationInputSchema } from "~/schemas/application";
import { errors, json } from "./shared.server";

/** The programme API: the public member directory and applications to join. */
export function describeProgramme(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/api/v1/programme",
    tags: ["Programme"],
    summary: "The programme and its public member directory",
    description: "Cached by clients and proxies for 60 seconds.",
    responses: {
      200: json("The directory", programmeDirectorySchema.openapi("ProgrammeDirectory"), {
        name: "智能体产业共建计划",
        launchedAt: "2026-03-01T00:00:00.000Z",
        firms: [{ name: "示例科技有限公司", founding: true, industry: "金融科技", city: "上海", memberSince: "2026-03-01T00:00:00.000Z", website: "https://example.com" }],
      }),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/programme/applications",
    tags: ["Programme"],
    summary: "Apply to join the programme",
    description:
      "The application form as JSON, validated by the same schema. `charterVersion` is the charter version the applicant read: a stale one is refused with 409 `charter_changed`. " +
      "201 when created or linked to an earlier application with the same credit code; 200 when the same firm and contact already have an open application.",
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: applicationInputSchema.openapi("ApplicationInput"),
            example: {
              firmName: "示例科技有限公司",
              industry: "金融科技",
              city: "上海",
              website: "https://example.com",
              size: "50-199",
              offers: "智能客服方案",
              needs: "银行场景",
              contactName: "王五",
              contactEmail: "wang.wu@example.com",
              contactPhone: "+86 139 0000 0000",
              creditCode: "91310000MA1FL8XQ3N",
              charterVersion: "1",
              charterAccepted: true,
            },
          },
        },
      },
    },
    responses: {
      200: json("The open application of this firm and contact (nothing new stored)", applicationAcceptedSchema, {
        application: { id: "cm0app01", status: "submitted", outcome: "repeat", duplicateOf: null },
      }),
      201: json("Received", applicationAcceptedSchema.openapi("ApplicationAccepted"), { application: { id: "cm0app02", status: "submitted", outcome: "created", duplicateOf: null } }),
      ...errors([400, 405, 409, 413, 422, 429], {
        409: {
          description: "The charter changed since the applicant read it",
          code: "charter_changed",
          message: "The programme charter has been updated. Reload the page, read the new version and submit again.",
        },
      }),
    },
  });
}
