import { checkText } from './invariants';
import { bundledTemplate } from '../helpers';
import { PATHOLOGICAL } from './pathological';
const input = PATHOLOGICAL.find((p) => p.name.includes(process.argv[2]))!;
const text = input.make();
const t = performance.now();
checkText(text, bundledTemplate(), { quickFixes: 50, revalidateFixes: 1 });
console.log(input.name, performance.now() - t);
