import { jestConfig } from '../jest.preset.js';

// tools/ keeps its tests beside the code (tools/dlq/…), not under src/ as the libraries do.
export default jestConfig(import.meta.dirname, { testMatch: ['<rootDir>/**/*.spec.ts'] });
