// node:fs/promises for the web build (see fs.ts).
import { promises } from './fs';

export const readFile = promises.readFile;
export default promises;
export const open = promises.open;
export const stat = promises.stat;
export const readdir = promises.readdir;
