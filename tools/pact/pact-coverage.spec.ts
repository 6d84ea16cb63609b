// Every committed pact is both written by a consumer test and verified by a provider test. A pact that only one
// side runs protects nothing: a consumer could drift unnoticed, or a provider change break a consumer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '../infra/infra.ts';
import { pactSpecFiles, readPacts } from './pact-files.ts';

const pacts = readPacts(workspaceRoot);
const specs = pactSpecFiles(workspaceRoot).map((path) => ({ path, text: readFileSync(join(workspaceRoot, path), 'utf8') }));

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
