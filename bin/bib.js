#!/usr/bin/env node
// Shim: the command line lives in src/cli and is compiled to dist/ on `npm install`.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
