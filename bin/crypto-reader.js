#!/usr/bin/env node
// Runs the built CLI (`npm run build:lib` writes dist/cli/main.js).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    'crypto-reader: the CLI is not built yet; run "npm run build" (or "npm run build:lib") first\n',
  );
  process.exit(2);
}
const { main } = await import(built.href);
await main(process.argv.slice(2));
