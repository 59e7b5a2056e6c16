// The `rstSpecs` settings as the language server asks for them (workspace/configuration), with the
// keys the user set, from `WorkspaceConfiguration.inspect`: only those override a `.rst-specs.json`.
// `workspace/configuration` alone answers with the defaults filled in, so the server could not tell
// "left at the default" from "set to the default".
import { type ConfigurationScope, Uri, workspace } from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { CONFIG_SETTING_KEYS, SETTINGS_SECTION, USER_SET_KEY } from '../../server/src/protocol';

export function userSetKeys(scope: ConfigurationScope | undefined): string[] {
  const configuration = workspace.getConfiguration(SETTINGS_SECTION, scope);
  // The settings that a `.rst-specs.json` also holds.
  return CONFIG_SETTING_KEYS.filter((key) => {
    const inspected = configuration.inspect(key);
    return (
      inspected !== undefined &&
      [
        inspected.globalValue,
        inspected.workspaceValue,
        inspected.workspaceFolderValue,
        inspected.globalLanguageValue,
        inspected.workspaceLanguageValue,
        inspected.workspaceFolderLanguageValue,
      ].some((value) => value !== undefined)
    );
  });
}

export const configurationMiddleware: Middleware['workspace'] = {
  async configuration(params, token, next) {
    const result = await next(params, token);
    if (!Array.isArray(result)) return result;
    return result.map((value, index) => {
      const item = params.items[index];
      if (item?.section !== SETTINGS_SECTION || typeof value !== 'object' || value === null) return value;
      const scope = item.scopeUri ? Uri.parse(item.scopeUri) : undefined;
      return { ...value, [USER_SET_KEY]: userSetKeys(scope) };
    });
  },
};
