// The batch bench's baseline: read an NDJSON file line by line, JSON.parse and JSON.stringify each line, write
// the lines out. What any tool must do with the same log, without simulating anything.
// Usage: node bench/plainJson.mjs <file.ndjson> > out
import { createReadStream } from 'node:fs';

const file = process.argv[2];
let rest = '';
const write = (text) => {
  if (!process.stdout.write(text)) return new Promise((resolve) => process.stdout.once('drain', resolve));
};
for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
  const lines = (rest + chunk).split('\n');
  rest = lines.pop() ?? '';
  const out = [];
  for (const line of lines) if (line.trim() !== '') out.push(JSON.stringify(JSON.parse(line)));
  if (out.length > 0) await write(`${out.join('\n')}\n`);
}
if (rest.trim() !== '') await write(`${JSON.stringify(JSON.parse(rest))}\n`);
