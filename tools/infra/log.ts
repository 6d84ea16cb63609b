// Progress output for long-running commands: every line says which step is running.
export function step(message: string): void {
  process.stderr.write(`[mallbots] ${message}\n`);
}

export class InfraError extends Error {
  override name = 'InfraError';
}
