import * as core from '@actions/core';
import { greet } from './a.js';
core.info(greet('x'));
const lazy = async () => (await import('./b.js')).b;
if (process.env.LAZY) void lazy().then((b) => core.info(b));
