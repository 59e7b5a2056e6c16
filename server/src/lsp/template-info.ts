// `rst-specs/templateFor`: which template a document is checked against, for the status bar and the
// "Show template for this spec" command (and any client that asks).
import { posix as path } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLED_TEMPLATE_PATH } from '../bundled-template';
import { splitUri } from './files';
import type { CancellationToken } from 'vscode-languageserver/node';
import type { ServerContext, ServerFeature } from './context';
import { cancellable, isCancellation } from './cancellation';

export { TEMPLATE_FOR_REQUEST, type TemplateInfo } from '../protocol';
import { TEMPLATE_FOR_REQUEST, type TemplateInfo } from '../protocol';

export const templateInfoFeature: ServerFeature = {
  capabilities: () => ({}),
  register(context: ServerContext) {
    context.connection.onRequest(
      TEMPLATE_FOR_REQUEST,
      cancellable(async (params: { uri?: unknown } | null, token) => {
        const uri = typeof params?.uri === 'string' ? params.uri : '';
        try {
          return await templateInfo(context, uri, token);
        } catch (error) {
          if (isCancellation(error)) throw error;
          context.connection.console.error(`rst-specs templateFor failed on ${uri}: ${(error as Error).stack ?? error}`);
          return { isSpec: false } satisfies TemplateInfo;
        }
      }),
    );
  },
};

export async function templateInfo(context: ServerContext, uri: string, token?: CancellationToken): Promise<TemplateInfo> {
  const state = await context.stateOf(uri, token);
  const spec = state?.spec;
  if (!state || !spec) return { isSpec: false };
  const setup = state.setup;
  const problem = spec.diagnostics.find((diagnostic) => diagnostic.code === 'template')?.message;
  const configPath = setup?.config?.path;
  const source = setup?.optionalSectionsSource;
  const folder = setup?.workspaceFolder;
  const shown = (file: string) => (folder && file.startsWith(`${folder}/`) ? file.slice(folder.length + 1) : file);
  const optional = {
    optionalSections: spec.optionalSections ?? [],
    ...(source ? { optionalSectionsSource: source === 'setting' || source === 'default' ? source : shown(source) } : {}),
  };
  if (!spec.templatePath || spec.templateOrigin === 'bundled') {
    return {
      isSpec: true,
      origin: 'bundled',
      path: BUNDLED_TEMPLATE_PATH,
      uri: pathToFileURL(BUNDLED_TEMPLATE_PATH).toString(),
      label: 'bundled Senlin template',
      ...(problem ? { problem } : {}),
      ...(configPath ? { configPath } : {}),
      ...optional,
    };
  }
  const templatePath = spec.templatePath;
  const origin =
    spec.templateOrigin === 'setting' && setup?.config?.config.template === templatePath && setup.templatePath === templatePath
      ? 'config'
      : (spec.templateOrigin ?? 'found');
  const label = folder && templatePath.startsWith(`${folder}/`) ? templatePath.slice(folder.length + 1) : path.basename(templatePath);
  const base = splitUri(uri)?.base;
  const templateUri =
    uri.startsWith('file:') || !base
      ? pathToFileURL(templatePath).toString()
      : `${base}${templatePath.split('/').map(encodeURIComponent).join('/')}`;
  return { isSpec: true, origin, path: templatePath, uri: templateUri, label, ...(configPath ? { configPath } : {}), ...optional };
}
