import { memoryRows } from './robustness-bench';
memoryRows(Number(process.argv[2] ?? 4000)).then((rows) => { for (const r of rows) console.log(r.join(' | ')); process.exit(0); });
