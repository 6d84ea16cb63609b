// What is under contract in this checkout: the committed pact files, their participants, and the projects whose
// `*.pact.spec.ts` files produce (consumers) or verify (providers) them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

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

/** Every `*.pact.spec.ts` under apps/ and libs/, relative to the workspace (e.g. `apps/baskets/src/…`). */
export function pactSpecFiles(root: string): string[] {
  const files: string[] = [];
  for (const group of ['apps', 'libs']) {
    for (const file of readdirSync(join(root, group), { recursive: true }) as string[]) {
      if (file.endsWith('.pact.spec.ts') && !file.split(sep).includes('node_modules')) files.push(join(group, file));
    }
  }
  return files.sort();
}

/** Project roots (apps/<x>, libs/<x>) holding at least one `*.pact.spec.ts`, relative to the workspace. */
export function projectsWithPacts(root: string): string[] {
  return [...new Set(pactSpecFiles(root).map((file) => file.split(sep).slice(0, 2).join(sep)))];
}
