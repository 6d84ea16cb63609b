import { describe, expect, it } from '@jest/globals';
import { defineSaga } from './saga-builder.js';
import { DEFAULT_MAX_COMPENSATION_ATTEMPTS, DEFAULT_STEP_TIMEOUT_MS, nextInvocableStep } from './saga-definition.js';

const cmd = (name: string) => () => ({ subject: 's', name, payload: {} });

describe('defineSaga', () => {
  it('builds the ordered steps with their handlers and timeouts', () => {
    const saga = defineSaga<object>('test.Saga', 'replies', { stepTimeoutMs: 1_000 })
      .step((s) => s.compensate(cmd('Undo0')))
      .step((s) => s.action(cmd('Do1')).onActionReply('Done1', (d) => d).timeoutMs(5_000))
      .build();

    expect(saga).toMatchObject({ name: 'test.Saga', replyChannel: 'replies', maxCompensationAttempts: DEFAULT_MAX_COMPENSATION_ATTEMPTS });
    expect(saga.steps.map((s) => [s.index, !!s.action, !!s.compensation, s.timeoutMs])).toEqual([
      [0, false, true, 1_000],
      [1, true, false, 5_000],
    ]);
    expect([...saga.steps[1]!.actionReplies.keys()]).toEqual(['Done1']);
  });

  it('defaults the step timeout to 30 s', () => {
    const saga = defineSaga<object>('test.Saga', 'replies').step((s) => s.action(cmd('Do'))).build();
    expect(saga.steps[0]!.timeoutMs).toBe(DEFAULT_STEP_TIMEOUT_MS);
    expect(DEFAULT_STEP_TIMEOUT_MS).toBe(30_000);
  });

  it.each([
    ['an empty step', () => defineSaga<object>('n', 'r').step((s) => s).build(), /neither an action nor a compensation/],
    ['action replies without an action', () => defineSaga<object>('n', 'r').step((s) => s.compensate(cmd('U')).onActionReply('X', (d) => d)).build(), /no action$/],
    ['compensation replies without a compensation', () => defineSaga<object>('n', 'r').step((s) => s.action(cmd('D')).onCompensationReply('X', (d) => d)).build(), /no compensation$/],
    ['a duplicate reply handler', () => defineSaga<object>('n', 'r').step((s) => s.action(cmd('D')).onActionReply('X', (d) => d).onActionReply('X', (d) => d)), /already defined/],
    ['a non-positive timeout', () => defineSaga<object>('n', 'r').step((s) => s.action(cmd('D')).timeoutMs(0)), /positive integer/],
    ['no reply channel', () => defineSaga<object>('n', '').build(), /reply channel/],
    ['zero compensation attempts', () => defineSaga<object>('n', 'r', { maxCompensationAttempts: 0 }).build(), /maxCompensationAttempts/],
  ])('rejects %s', (_case, build, error) => {
    expect(build).toThrow(error);
  });
});

describe('nextInvocableStep', () => {
  const saga = defineSaga<object>('n', 'r')
    .step((s) => s.compensate(cmd('U0')))
    .step((s) => s.action(cmd('D1')))
    .step((s) => s.action(cmd('D2')).compensate(cmd('U2')))
    .step((s) => s.action(cmd('D3')))
    .build();
  const next = (from: number, compensating: boolean) => nextInvocableStep(saga.steps, from, compensating)?.index;

  it.each([
    [-1, false, 1],
    [1, false, 2],
    [2, false, 3],
    [3, false, undefined],
    [3, true, 2],
    [2, true, 0],
    [1, true, 0],
    [0, true, undefined],
  ])('from step %i (compensating %s) goes to %s', (from, compensating, expected) => {
    expect(next(from, compensating)).toBe(expected);
  });
});
