// Every committed pact is both written by a consumer test and verified by a provider test. A pact that only one
// side runs protects nothing: a consumer could drift unnoticed, or a provider change break a consumer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '../infra/infra.ts';
import { readPacts } from './pact-files.ts';

function pactSpecs(): Array<{ path: string; text: string }> {
  const specs: Array<{ path: string; text: string }> = [];
  for (const group of ['apps', 'libs']) {
    for (const file of readdirSync(join(workspaceRoot, group), { recursive: true }) as string[]) {
      if (file.endsWith('.pact.spec.ts') && !file.includes('node_modules')) specs.push({ path: `${group}/${file}`, text: readFileSync(join(workspaceRoot, group, file), 'utf8') });
    }
  }
  return specs;
}

const pacts = readPacts(workspaceRoot);
const specs = pactSpecs();

describe('pacts/', () => {
  it('holds pacts', () => {
    expect(pacts.length).toBeGreaterThan(0);
  });

  it.each(pacts.map((p) => [`${p.consumer} → ${p.provider}`, p.consumer, p.provider]))('%s is written by a consumer test', (_pair, consumer, provider) => {
    const writers = specs.filter((s) => s.text.includes(`consumerContract('${consumer}', '${provider}')`));
    expect(writers.map((s) => s.path)).not.toEqual([]);
  });

  it.each(pacts.map((p) => [`${p.consumer} → ${p.provider}`, p.consumer, p.provider]))('%s is verified by a provider test', (_pair, consumer, provider) => {
    // A verification names the provider; one restricted to some consumers (`consumers: [...]`) must name this one.
    const verifiers = specs.filter(
      (s) =>
        /verify(Http|Message)Provider\(/.test(s.text) &&
        s.text.includes(`provider: '${provider}'`) &&
        (!/consumers:\s*\[/.test(s.text) || s.text.includes(`'${consumer}'`)),
    );
    expect(verifiers.map((s) => s.path)).not.toEqual([]);
  });
});
