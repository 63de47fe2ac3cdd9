// What a test reads in a welcome or reset email: the username and the temporary password.

/** The lines `Usuario:` / `Contraseña temporal:` (or the English ones) of a credentials email's text. */
export function credentialsIn(message: { readonly text?: string | undefined }): {
  username: string;
  password: string;
} {
  const text = message.text ?? "";
  const username = /^(?:Usuario|Username): (\S+)$/m.exec(text)?.[1];
  const password = /^(?:Contraseña temporal|Temporary password): (\S+)$/m.exec(text)?.[1];
  if (username === undefined || password === undefined)
    throw new Error("the email carries no credentials lines");
  return { username, password };
}
