// Names as a Mexican service desk meets them, accents included, so that searching "María" or
// "Núñez" means what it means in production. Each name comes with its folded form for usernames
// and emails (lower case, no accents, as the username rule [a-z0-9._-] asks).

export const FIRST_NAMES = [
  "María",
  "José",
  "Juan",
  "Guadalupe",
  "Francisco",
  "Ana",
  "Luis",
  "Sofía",
  "Jesús",
  "Verónica",
  "Andrés",
  "Mónica",
  "Raúl",
  "Lucía",
  "Héctor",
  "Ramón",
  "Martín",
  "Inés",
  "Óscar",
  "Ángel",
  "Daniela",
  "Fernando",
  "Patricia",
  "Alejandro",
  "Gabriela",
  "Iván",
  "Adrián",
  "Beatriz",
  "Rocío",
  "Nicolás",
] as const;

export const LAST_NAMES = [
  "García",
  "Hernández",
  "Martínez",
  "López",
  "González",
  "Pérez",
  "Rodríguez",
  "Sánchez",
  "Ramírez",
  "Cruz",
  "Flores",
  "Gómez",
  "Díaz",
  "Reyes",
  "Morales",
  "Jiménez",
  "Gutiérrez",
  "Ruiz",
  "Álvarez",
  "Núñez",
  "Ortiz",
  "Chávez",
  "Vázquez",
  "Castillo",
  "Domínguez",
  "Mendoza",
  "Ibáñez",
  "Peña",
  "Muñoz",
  "Suárez",
] as const;

/** Given to one user in 10,000 as second surname: the "rare string" of the searches. */
export const RARE_LAST_NAME = "Tlapanco";

export const EMAIL_DOMAINS = [
  "empresa.mx",
  "contadores.com.mx",
  "kemper.edu.mx",
  "xenon.example",
  "correo.example",
] as const;

/** "María Núñez" → "maria nunez". */
export function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The searches of part 4, each with what it stands for. */
export const CATALOGUE_SEARCHES = [
  { label: "common name", text: "María" },
  { label: "rare string", text: folded(RARE_LAST_NAME) },
  { label: "accented", text: "Núñez" },
  { label: "username prefix", text: "jose.her" },
  { label: "no match", text: "qzxjwv" },
] as const;
