// Loaded with `node --import` by the benchmark: records the process's peak RSS when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.KLIPING_BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
