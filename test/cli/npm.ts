// npm for the packaging tests, with no registry to reach: an empty cache and `offline`, so that any
// fetch fails instead of reaching the network.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers';

export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

export function offlineNpmEnv(cache: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_cache: cache,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
    ...extra,
  };
  // What `npm test` puts in its children's environment would describe this repository's package.
  for (const key of Object.keys(env)) if (/^npm_(package|lifecycle|command|node_execpath)/i.test(key)) delete env[key];
  return env;
}

export interface Packed {
  readonly tarball: string;
  readonly size: number;
  readonly files: string[];
}

/** `npm pack` of the repository into `folder`; --ignore-scripts: the suite's build made the CLI. */
export function packRepository(folder: string, env: NodeJS.ProcessEnv): Packed {
  const packed = spawnSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
  });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout) as { filename: string; size: number; files: { path: string }[] }[];
  return { tarball: join(folder, info.filename), size: info.size, files: info.files.map((file) => file.path).sort() };
}
