// The sandbox page in a real browser (Debian's Chromium driven by playwright-core, never a
// downloaded one), from the keyboard and by accessible names, against what `npm start` runs on a
// new data folder (the sandbox and its demo data): an admin creates a portal user through the
// modal, the welcome email is read in the inbox, that user changes the temporary password from
// their DM, the admin resets a demo user's password and deletes another with Sí, and each step is
// read in the audit channel. A screenshot of each main screen goes to test-output/screenshots/.
// Skipped, not failed, where Chromium is missing.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEOPLE } from "../../src/sandbox/cast.ts";
import {
  randomPort,
  SANDBOX_STARTED,
  startMainProcess,
  type TMainProcess,
} from "../support/start-main-process.ts";
import { containsText, hasValue, hidden, isFocused, visible } from "./page-expectations.ts";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = new URL("../../test-output/screenshots/", import.meta.url);
const NEW_PASSWORD = "Girasol-Cobalto-Montaña-2031";

const chromiumPresent = existsSync(CHROMIUM);
const skipReason = chromiumPresent ? undefined : `chromium is missing at ${CHROMIUM}`;
const describeWithChromium = skipReason === undefined ? describe : describe.skip;

describeWithChromium(
  skipReason === undefined
    ? "the sandbox page in a browser"
    : `the sandbox page in a browser (skipped: ${skipReason})`,
  () => {
    let bot: TMainProcess | undefined;
    let dataDirectory = "";
    let browser: Browser;
    let page: Page;

    async function screenshot(name: string): Promise<void> {
      await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname });
    }

    async function beAs(label: RegExp): Promise<void> {
      const select = page.getByLabel("Eres", { exact: true });
      const value = await select.locator("option", { hasText: label }).getAttribute("value");
      await select.selectOption(value ?? "");
    }

    async function openPane(name: string | RegExp): Promise<void> {
      await page.getByRole("navigation").getByRole("button", { name }).click();
    }

    async function runInComposer(text: string): Promise<void> {
      const composer = page.getByRole("combobox", { name: "Mensaje para PremiumOne Usuarios" });
      await composer.fill(text);
      await composer.press("Escape");
      await composer.press("Enter");
      await hasValue(composer, "");
    }

    /** The actions block under the section naming `username` in the latest users list. */
    function rowActions(username: string) {
      return page
        .locator(".bk-section", { hasText: username })
        .last()
        .locator("xpath=following-sibling::div[contains(@class, 'bk-actions')][1]");
    }

    beforeAll(async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
      dataDirectory = await mkdtemp(path.join(tmpdir(), "premiumone-browser-"));
      const port = randomPort();
      bot = await startMainProcess({ dataDirectory, port, startedWhen: SANDBOX_STARTED });
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`http://localhost:${port}/`);
    });

    afterAll(async () => {
      await browser?.close();
      expect(await bot?.stop()).toBe(0);
      await rm(dataDirectory, { recursive: true, force: true });
    });

    it("as the admin, creates a user through the modal, with places, after a field error", async () => {
      await containsText(page.getByRole("region", { name: "Aviso del sandbox" }), "no es Slack");
      await screenshot("00-first-screen");
      const composer = page.getByRole("combobox", { name: "Mensaje para PremiumOne Usuarios" });
      await composer.focus();
      await page.keyboard.type("/usu");
      await containsText(page.getByRole("listbox", { name: "Comandos de la app" }), "/usuarios");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await hasValue(composer, "/usuarios ");
      await page.keyboard.type("nuevo");
      await page.keyboard.press("Enter");

      const dialog = page.getByRole("dialog", { name: "Nuevo usuario" });
      await visible(dialog);
      await isFocused(dialog.getByLabel("Cuenta del usuario"));
      await page.keyboard.type("nicolas.nadie");
      await dialog.getByLabel("Nombre de la persona").fill("Nicolás Nadie");
      await dialog.getByLabel("Correo electrónico").fill("nicolas@cliente.example");
      await dialog.getByLabel("Usuario de Slack").selectOption(PEOPLE.nobody.id);
      await screenshot("01-create-user-modal");

      await dialog.getByRole("button", { name: "Guardar" }).click();
      const places = dialog.getByRole("group", { name: "Lugares de expedición" });
      await containsText(places, "Completa este campo obligatorio.");
      await screenshot("02-create-user-field-error");
      await places.getByRole("checkbox", { name: /Sucursal Centro Histórico/ }).check();
      await dialog.getByRole("button", { name: "Guardar" }).press("Enter");
      await hidden(dialog);
      await containsText(page.getByRole("log"), "nicolas.nadie");
      await screenshot("03-admin-dm");
    });

    let temporaryPassword = "";

    it("reads the welcome email in the inbox, the temporary password as plain text", async () => {
      await openPane(/Bandeja de entrada/);
      const email = page.getByRole("button", { name: /nicolas@cliente\.example/ });
      await visible(email);
      await email.click();
      const body = page.getByLabel("Texto del correo");
      await containsText(body, "Contraseña temporal:");
      const text = (await body.textContent()) ?? "";
      temporaryPassword = /^Contraseña temporal: (\S+)$/m.exec(text)?.[1] ?? "";
      expect(temporaryPassword.length).toBeGreaterThan(10);
      await screenshot("04-inbox-welcome-email");
    });

    it("as that user, changes the password from their DM with the emailed one", async () => {
      await beAs(/Nicolás Nadie/);
      await openPane("Mensajes");
      const log = page.getByRole("log", { name: "Mensajes de PremiumOne Usuarios" });
      await visible(log.getByRole("button", { name: "Cambiar contraseña" }).first());
      await log.getByRole("button", { name: "Cambiar contraseña" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Cambiar contraseña" });
      await visible(dialog);
      await dialog.getByLabel("Contraseña actual", { exact: true }).fill(temporaryPassword);
      await dialog.getByLabel("Nueva contraseña", { exact: true }).fill(NEW_PASSWORD);
      await dialog.getByLabel("Confirmar nueva contraseña", { exact: true }).fill(NEW_PASSWORD);
      await screenshot("05-password-modal");
      await dialog.getByRole("button", { name: "Cambiar" }).click();
      const done = page.getByRole("dialog", { name: "Listo" });
      // bcrypt at cost 12 and the dictionary check: seconds on a loaded machine, not a page delay.
      await containsText(done, "Tu contraseña cambió", 30_000);
      await screenshot("06-password-changed");
      await page.keyboard.press("Escape");
      await hidden(done);
    });

    it("as the admin, resets another user's password and deletes a third, each with Sí", async () => {
      await beAs(/Adriana Admin/);
      await runInComposer("/usuarios");
      await visible(rowActions("maria.lopez").getByRole("button", { name: "Restablecer contraseña" }));
      await rowActions("maria.lopez").getByRole("button", { name: "Restablecer contraseña" }).click();
      const yes = page.getByRole("button", { name: "Sí", exact: true }).last();
      await containsText(page.getByRole("log"), "¿Restablecer la contraseña de maria.lopez?");
      await screenshot("07-reset-confirmation");
      await yes.click();
      await containsText(page.getByRole("log"), "Se restableció la contraseña de maria.lopez");

      await rowActions("raul.pena").getByRole("button", { name: "Eliminar" }).click();
      await containsText(page.getByRole("log"), "¿Eliminar al usuario raul.pena");
      await screenshot("08-delete-confirmation");
      await page.getByRole("button", { name: "Sí", exact: true }).last().click();
      await containsText(page.getByRole("log"), "Se eliminó al usuario raul.pena");
    });

    it("reads each step in the audit channel", async () => {
      await openPane(/auditoria-premiumone/);
      const channel = page.getByRole("log", { name: "Mensajes de #auditoria-premiumone" });
      for (const step of [
        /creó al usuario\s+nicolas\.nadie/,
        /cambió la contraseña de\s+nicolas\.nadie/,
        /restableció la contraseña de\s+maria\.lopez/,
        /eliminó al usuario\s+raul\.pena/,
      ]) {
        await containsText(channel, step);
      }
      await screenshot("09-audit-channel");
      await openPane("Panel de desarrollo");
      await containsText(page.getByRole("list", { name: "Línea de tiempo" }), "views.open");
      await screenshot("10-developer-panel");
    });

    it("as a Slack admin, deactivates the accountant's Slack account: her portal account is disabled and marked", async () => {
      await openPane("Panel de desarrollo");
      const accounts = page.getByRole("region", { name: "Cuentas de Slack" });
      await accounts.getByRole("button", { name: /^Desactivar en Slack: Carla/ }).click();
      await visible(accounts.getByRole("button", { name: /^Reactivar en Slack: Carla/ }));
      await screenshot("11-slack-account-deactivated");
      await openPane(/auditoria-premiumone/);
      await containsText(
        page.getByRole("log", { name: "Mensajes de #auditoria-premiumone" }),
        /Slack deshabilitó al usuario\s+carla\.contadora/,
      );
      await openPane("Mensajes");
      await runInComposer("/usuarios buscar carla");
      await containsText(page.getByRole("log"), "persona de Slack desactivada");
    });
  },
);
