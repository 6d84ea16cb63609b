// The dead-letter command is run by operators against real databases, and its output ends up in terminals, CI logs
// and tickets: the passwords in the connection URLs must never appear in it, whichever library produced the text.

/** Where the command writes. Tests capture it; the CLI passes the console. */
export interface DlqIo {
  out(text: string): void;
  err(text: string): void;
}

export const consoleIo: DlqIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** The URL with its password replaced by `***` (unchanged when it has none or does not parse). */
export function maskUrl(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  if (!parsed.password) return url;
  parsed.password = '***';
  return parsed.toString();
}

/** The passwords in `urls`, both as written (percent-encoded) and decoded, as they may appear in either form. */
export function passwordsOf(urls: readonly string[]): string[] {
  const secrets = new Set<string>();
  for (const url of urls) {
    if (!URL.canParse(url)) continue;
    const { password } = new URL(url);
    if (!password) continue;
    secrets.add(password);
    try {
      secrets.add(decodeURIComponent(password));
    } catch {
      // Not valid percent-encoding: the raw form is all there is.
    }
  }
  return [...secrets];
}

/** An io that replaces every occurrence of the secrets with `***` before writing. */
export function redactingIo(io: DlqIo, secrets: readonly string[]): DlqIo {
  // Longest first, so a secret containing a shorter one is masked whole.
  const ordered = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  const redact = (text: string) => ordered.reduce((t, secret) => t.split(secret).join('***'), text);
  return { out: (text) => io.out(redact(text)), err: (text) => io.err(redact(text)) };
}
