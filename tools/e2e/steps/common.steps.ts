// Steps every capability shares: what a refusal looks like.
import assert from 'node:assert/strict';
import { Then } from '@cucumber/cucumber';
import type { MallWorld } from '../support/world.ts';

/**
 * The last thing someone *tried* was refused, with this reason: a 4xx answer (a client's mistake or a rule of the
 * business, never a server failure) carrying the domain's own text.
 */
Then('it is refused because {string}', function (this: MallWorld, reason: string) {
  const attempt = this.attempt;
  assert.ok(attempt, 'nothing was attempted in this scenario');
  assert.ok(attempt.status >= 400 && attempt.status < 500, `expected a refusal, but the answer was ${attempt.status} ${JSON.stringify(attempt.body)}`);
  assert.equal(attempt.body.message, reason, `refused (${attempt.status}), but for another reason`);
});
