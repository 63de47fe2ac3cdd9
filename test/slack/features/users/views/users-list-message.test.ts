import { describe, expect, it } from "vitest";
import type { TPortalUserDetails } from "../../../../../src/application/users/portal-user-details.ts";
import { confirmationMessage } from "../../../../../src/slack/features/users/views/confirmation-message.ts";
import { usersListMessage } from "../../../../../src/slack/features/users/views/users-list-message.ts";

function user(overrides: Partial<TPortalUserDetails> = {}): TPortalUserDetails {
  return {
    id: "7d4b1c7e-0c1a-4b8e-9f55-2b0c8a8d3f10",
    username: "maria.lopez",
    fullName: "María López <Contabilidad>",
    email: "maria@example.com",
    slackUserId: null,
    hasPassword: true,
    passwordIsTemporary: true,
    passwordExpiresAt: null,
    passwordChangedAt: null,
    locked: false,
    lockedUntil: null,
    disabled: false,
    slackPersonGone: false,
    accessUntil: null,
    accessEnded: false,
    accessExpired: false,
    credentialEmailRefused: null,
    invitationExpiresAt: null,
    createdAt: new Date("2026-11-28T12:00:00Z"),
    updatedAt: new Date("2026-11-28T12:00:00Z"),
    places: [
      {
        id: "p1",
        postalCode: "06000",
        name: "Centro",
        companyId: "c1",
        rfc: "EKU9003173C9",
        companyLegalName: "ESCUELA KEMPER URGATE",
        label: "06000 — Centro (ESCUELA KEMPER URGATE)",
      },
    ],
    ...overrides,
  };
}

const page = (users: TPortalUserDetails[], pageNumber = 1, pageCount = 1) => ({
  users,
  page: pageNumber,
  pageSize: 10,
  total: users.length,
  pageCount,
});

function actionIds(blocks: unknown[]): string[] {
  return (
    JSON.stringify(blocks)
      .match(/"action_id":"[^"]+"/g)
      ?.map((match) => match.slice(13, -1)) ?? []
  );
}

describe("users list message", () => {
  it("shows each account with its places and state, escaping what users typed", () => {
    const message = usersListMessage({
      page: page([user()]),
      query: undefined,
      canManage: true,
      locale: "es",
    });
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("*maria.lopez* — María López &lt;Contabilidad&gt;");
    expect(text).toContain("06000 — Centro (ESCUELA KEMPER URGATE)");
    expect(text).toContain("⏳ contraseña temporal");
    expect(actionIds(message.blocks)).toEqual([
      "users.new",
      "users.edit",
      "users.reset.ask",
      "users.disable",
      "users.delete.ask",
    ]);
  });

  it("gives support agents no buttons but paging", () => {
    const message = usersListMessage({
      page: page([user()], 1, 3),
      query: "mar",
      canManage: false,
      locale: "es",
    });
    expect(actionIds(message.blocks)).toEqual(["users.page.next"]);
    expect(JSON.stringify(message.blocks)).toContain("Página 1 de 3");
  });

  it("offers Habilitar and Desbloquear when they apply, in English too", () => {
    const message = usersListMessage({
      page: page(
        [user({ disabled: true, locked: true, lockedUntil: new Date("2026-11-28T12:15:00Z") })],
        2,
        2,
      ),
      query: undefined,
      canManage: true,
      locale: "en",
    });
    expect(actionIds(message.blocks)).toEqual([
      "users.new",
      "users.edit",
      "users.reset.ask",
      "users.enable",
      "users.unlock",
      "users.delete.ask",
      "users.page.previous",
    ]);
    expect(JSON.stringify(message.blocks)).toContain("🔒 locked until");
  });

  it("asks Sí / No before deleting, keeping the list position", () => {
    const message = confirmationMessage({
      kind: "delete",
      user: user(),
      state: { query: "mar", page: 2 },
      locale: "es",
      confirmationId: "0b6a4f4e-6a39-4c43-9d43-2b5f3c0e9a11",
    });
    expect(message.text).toContain("¿Eliminar al usuario *maria.lopez*");
    const buttons = JSON.stringify(message.blocks);
    expect(buttons).toContain('"text":"Sí"');
    expect(buttons).toContain('"style":"danger"');
    expect(actionIds(message.blocks)).toEqual(["users.delete.yes", "users.cancel"]);
    const yes = {
      query: "mar",
      page: 2,
      userId: user().id,
      confirmation: "0b6a4f4e-6a39-4c43-9d43-2b5f3c0e9a11",
    };
    expect(buttons).toContain(JSON.stringify(JSON.stringify(yes)).slice(1, -1));
  });
});
