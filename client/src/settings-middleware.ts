// The `rstSpecs` settings as the language server asks for them (workspace/configuration), with the
// keys the user set, from `WorkspaceConfiguration.inspect`: only those override a `.rst-specs.json`.
// `workspace/configuration` alone answers with the defaults filled in, so the server could not tell
// "left at the default" from "set to the default".
import { type ConfigurationScope, Uri, workspace } from 'vscode';
import type { Middleware } from 'vscode-languageclient';

/** The settings that a `.rst-specs.json` also holds. */
const CONFIG_KEYS = ['templatePath', 'include', 'exclude', 'maxLineLength', 'optionalSections', 'rules'] as const;

export function userSetKeys(scope: ConfigurationScope | undefined): string[] {
  const configuration = workspace.getConfiguration('rstSpecs', scope);
  return CONFIG_KEYS.filter((key) => {
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
      if (item?.section !== 'rstSpecs' || typeof value !== 'object' || value === null) return value;
      const scope = item.scopeUri ? Uri.parse(item.scopeUri) : undefined;
      return { ...value, $userSet: userSetKeys(scope) };
    });
  },
};
