// A module hook for bench/startup.js (registered with `register(url, { data: FILE })`):
// appends the URL of every module loaded to FILE, one a line.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data;
}

export async function load(url, context, nextLoad) {
  appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
