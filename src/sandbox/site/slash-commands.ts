// What Slack knows of the app from manifest.yml and shows a person who types `/` in the composer:
// its name and its slash commands with their usage hints. test/sandbox/site/slash-commands.test.ts
// holds these to the manifest, which is not read at run time (the YAML reader is a dev dependency).

export interface TSandboxSlashCommand {
  /** With its slash: `/usuarios`. */
  readonly command: string;
  readonly description: string;
  /** "" when the manifest gives none. */
  readonly usageHint: string;
}

/** `display_information.name`: the name Slack shows on the app's messages and its DM. */
export const MANIFEST_APP_NAME = "PremiumOne Usuarios";

/** `features.slash_commands`, in the manifest's order. */
export const MANIFEST_SLASH_COMMANDS: readonly TSandboxSlashCommand[] = [
  {
    command: "/usuarios",
    description: "Usuarios del portal PremiumOne — lista, alta, edición, baja y contraseñas",
    usageHint:
      "[buscar <texto> | nuevo | editar <cuenta> | restablecer <cuenta> | eliminar <cuenta> | roles | solicitudes | ayuda]",
  },
  {
    command: "/lugares",
    description: "Empresas y lugares de expedición (RFC, razón social, código postal)",
    usageHint: "[ayuda]",
  },
  {
    command: "/auditoria",
    description: "Bitácora de auditoría — quién hizo qué, más reciente primero",
    usageHint: "[<cuenta> | ayuda]",
  },
  {
    command: "/micuenta",
    description: "Tu cuenta del portal PremiumOne y el cambio de contraseña",
    usageHint: "",
  },
];
