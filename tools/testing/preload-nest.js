// nestjs-cls and @nestjs-cls/* are CommonJS and require() the ESM-only @nestjs/common and @nestjs/core. Jest's
// ESM loader refuses that require(esm) while the importing test's graph is still being linked ("Cannot require()
// ES Module … in a cycle"). Evaluating the Nest packages first, before any test file is walked, makes those
// require() calls hit already-evaluated modules. Plain Node (services) needs no such thing.
import '@nestjs/common';
import '@nestjs/core';
