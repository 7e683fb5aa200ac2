#!/usr/bin/env node
import { run } from './main';
import { quietOnBrokenPipe } from './pipes';
import { reportBug } from './report-error';

const argv = process.argv.slice(2);
quietOnBrokenPipe(process.stdout);
quietOnBrokenPipe(process.stderr);
// an error thrown outside run (a stray callback, an unawaited promise) is a bug, reported as one
const crash = (e: unknown) => process.exit(reportBug(e, argv));
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

process.exitCode = await run(argv);
