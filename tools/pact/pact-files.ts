// What is under contract in this checkout: the committed pact files, their participants, and the projects whose
// `*.pact.spec.ts` files produce (consumers) or verify (providers) them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface PactFile {
  readonly path: string;
  readonly consumer: string;
  readonly provider: string;
  readonly content: string;
}

/** pacts/*.json (not sub-folders: pacts/reference holds the reference's contracts, verified but never published). */
export function readPacts(root: string): PactFile[] {
  const dir = join(root, 'pacts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const content = readFileSync(join(dir, f), 'utf8');
      const pact = JSON.parse(content) as { consumer?: { name?: string }; provider?: { name?: string } };
      if (!pact.consumer?.name || !pact.provider?.name) throw new Error(`pacts/${f} names no consumer or provider`);
      return { path: join(dir, f), consumer: pact.consumer.name, provider: pact.provider.name, content };
    });
}

/** Every pacticipant named by the pacts. */
export function pacticipants(pacts: readonly PactFile[]): string[] {
  return [...new Set(pacts.flatMap((p) => [p.consumer, p.provider]))].sort();
}

/**
 * The pacticipants one deployable unit answers for: a service `baskets` is `baskets-api`, `baskets-pub` and
 * `baskets-sub`; a full pacticipant name stands for itself.
 */
export function pacticipantsOf(unit: string, pacts: readonly PactFile[]): string[] {
  const all = pacticipants(pacts);
  if (all.includes(unit)) return [unit];
  return all.filter((name) => name.startsWith(`${unit}-`));
}

/** Project roots (apps/<x>, libs/<x>) holding at least one `*.pact.spec.ts`, relative to the workspace. */
export function projectsWithPacts(root: string): string[] {
  const projects: string[] = [];
  for (const group of ['apps', 'libs']) {
    for (const name of readdirSync(join(root, group)).sort()) {
      const src = join(root, group, name, 'src');
      let files: string[];
      try {
        files = readdirSync(src, { recursive: true }) as string[];
      } catch {
        continue;
      }
      if (files.some((f) => f.endsWith('.pact.spec.ts'))) projects.push(relative(root, join(root, group, name)));
    }
  }
  return projects;
}
