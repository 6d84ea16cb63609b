// Follows Cucumber's message stream: prints one line per scenario as it finishes (✔ passed, ✘ failed, ? undefined
// or pending) — a failed one with what the scenario attached (the last calls through the gateway) — and counts
// scenarios for the closing line and the npm test summary. Cucumber's own "summary" formatter then prints the
// failing steps and their errors.
import { Buffer } from 'node:buffer';
import type { Envelope, Timestamp } from '@cucumber/messages';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

// From best to worst: a scenario's outcome is its worst step's (hooks included).
const SEVERITY = ['UNKNOWN', 'PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

interface Running {
  readonly testCaseId: string;
  readonly startedAt: Timestamp;
  worst: string;
  /** The step that decided the outcome. */
  culprit?: string;
  /** Text the scenario attached (support/hooks.ts attaches its last calls when it did not pass). */
  readonly attachments: string[];
}

const seconds = (from: Timestamp, to: Timestamp): string => (to.seconds - from.seconds + (to.nanos - from.nanos) / 1e9).toFixed(1);

export class Progress {
  readonly tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  /** Problems outside any scenario: a feature that does not parse, a failing run hook, a crashed run. */
  readonly runErrors: string[] = [];
  private readonly write: (line: string) => void;
  private readonly pickles = new Map<string, { name: string; uri: string; steps: Map<string, string> }>();
  private readonly testCases = new Map<string, { pickleId: string; steps: Map<string, string> }>();
  private readonly running = new Map<string, Running>();

  constructor(write: (line: string) => void) {
    this.write = write;
  }

  update(envelope: Envelope): void {
    if (envelope.pickle) {
      const { id, name, uri, steps } = envelope.pickle;
      this.pickles.set(id, { name, uri, steps: new Map(steps.map((s) => [s.id, s.text])) });
    } else if (envelope.testCase) {
      const pickle = this.pickles.get(envelope.testCase.pickleId);
      const steps = new Map(envelope.testCase.testSteps.map((s) => [s.id, s.pickleStepId ? (pickle?.steps.get(s.pickleStepId) ?? '?') : 'a hook']));
      this.testCases.set(envelope.testCase.id, { pickleId: envelope.testCase.pickleId, steps });
    } else if (envelope.testCaseStarted) {
      const { id, testCaseId, timestamp } = envelope.testCaseStarted;
      this.running.set(id, { testCaseId, startedAt: timestamp, worst: 'PASSED', attachments: [] });
    } else if (envelope.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = envelope.testStepFinished;
      const run = this.running.get(testCaseStartedId);
      const status = testStepResult.status as string;
      if (run && SEVERITY.indexOf(status) > SEVERITY.indexOf(run.worst)) {
        run.worst = status;
        run.culprit = this.testCases.get(run.testCaseId)?.steps.get(testStepId);
      }
    } else if (envelope.attachment?.testCaseStartedId && envelope.attachment.mediaType.startsWith('text/')) {
      const { testCaseStartedId, body, contentEncoding } = envelope.attachment;
      this.running.get(testCaseStartedId)?.attachments.push((contentEncoding as string) === 'BASE64' ? Buffer.from(body, 'base64').toString('utf8') : body);
    } else if (envelope.testCaseFinished) {
      this.finished(envelope.testCaseFinished.testCaseStartedId, envelope.testCaseFinished.timestamp, envelope.testCaseFinished.willBeRetried);
    } else if (envelope.parseError) {
      this.runErrors.push(`${envelope.parseError.source.uri}: ${envelope.parseError.message}`);
    } else if (envelope.undefinedParameterType) {
      this.runErrors.push(`undefined parameter type {${envelope.undefinedParameterType.name}} in "${envelope.undefinedParameterType.expression}"`);
    } else if (envelope.testRunHookFinished && (envelope.testRunHookFinished.result.status as string) !== 'PASSED') {
      this.runErrors.push(`a BeforeAll/AfterAll hook ended ${envelope.testRunHookFinished.result.status}: ${envelope.testRunHookFinished.result.message ?? ''}`);
    } else if (envelope.testRunFinished?.exception) {
      this.runErrors.push(`the run failed: ${envelope.testRunFinished.exception.message ?? envelope.testRunFinished.exception.type}`);
    }
  }

  private finished(startedId: string, at: Timestamp, willBeRetried: boolean): void {
    const run = this.running.get(startedId);
    this.running.delete(startedId);
    if (!run || willBeRetried) return;
    const pickle = this.pickles.get(this.testCases.get(run.testCaseId)?.pickleId ?? '');
    const feature = pickle?.uri.replace(/^.*\//, '').replace(/\.feature$/, '') ?? '?';
    const title = `${feature} › ${pickle?.name ?? '?'} (${seconds(run.startedAt, at)} s)`;
    switch (run.worst) {
      case 'PASSED':
        this.tally.passed++;
        this.write(`  ✔ ${title}`);
        return;
      case 'SKIPPED':
        this.tally.skipped++;
        this.write(`  - ${title}: skipped`);
        return;
      case 'FAILED':
      case 'AMBIGUOUS':
        this.tally.failed++;
        this.write(`  ✘ ${title}: ${run.worst.toLowerCase()} at "${run.culprit}"`);
        for (const text of run.attachments) this.write(text.replace(/^/gm, '      '));
        return;
      default:
        // UNDEFINED, PENDING, UNKNOWN: a specification that does not run is not a passing one.
        this.tally.failed++;
        this.write(`  ? ${title}: ${run.worst.toLowerCase()} step "${run.culprit}"`);
    }
  }
}
