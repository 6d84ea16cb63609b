import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@mallbots/platform';
import { loadCosecConfig } from './cosec.config.js';

describe('loadCosecConfig', () => {
  it('defaults to 30 s step timeouts, a sweep every second and 3 compensation attempts', () => {
    expect(loadCosecConfig({})).toEqual({ stepTimeoutMs: 30_000, timeoutSweepIntervalMs: 1_000, maxCompensationAttempts: 3 });
  });

  it('reads durations as the platform writes them', () => {
    expect(loadCosecConfig({ SAGA_STEP_TIMEOUT: '2m', SAGA_TIMEOUT_SWEEP_INTERVAL: '250ms', SAGA_MAX_COMPENSATION_ATTEMPTS: '5' })).toEqual({
      stepTimeoutMs: 120_000,
      timeoutSweepIntervalMs: 250,
      maxCompensationAttempts: 5,
    });
    expect(loadCosecConfig({ SAGA_STEP_TIMEOUT: '1500' }).stepTimeoutMs).toBe(1_500);
  });

  it('reports every bad value at once', () => {
    let error: unknown;
    try {
      loadCosecConfig({ SAGA_STEP_TIMEOUT: '0s', SAGA_TIMEOUT_SWEEP_INTERVAL: 'soon', SAGA_MAX_COMPENSATION_ATTEMPTS: '0' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'SAGA_STEP_TIMEOUT must be a positive duration such as 30s or 500ms, got "0s"',
      'SAGA_TIMEOUT_SWEEP_INTERVAL must be a positive duration such as 30s or 500ms, got "soon"',
      'SAGA_MAX_COMPENSATION_ATTEMPTS must be a whole number ≥ 1, got "0"',
    ]);
  });
});
