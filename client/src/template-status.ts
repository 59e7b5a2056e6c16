// The language status item that names the template the active spec is checked against (VS Code's
// place for per-language state: the `{}` beside the language mode in the status bar; its link
// opens the template), and the command "rst-specs: Show Template for This Spec".
import { commands, type ExtensionContext, LanguageStatusSeverity, languages, type TextEditor, Uri, window } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { TEMPLATE_FOR_REQUEST, type TemplateInfo } from '../../server/src/protocol';

export { TEMPLATE_FOR_REQUEST };
export const SHOW_TEMPLATE_COMMAND = 'rst-specs.showTemplate';

const ORIGIN: Record<NonNullable<TemplateInfo['origin']>, string> = {
  spec: "named by the spec's rst-specs: template= comment",
  setting: 'from the rstSpecs.templatePath setting',
  config: 'from .rst-specs.json',
  found: 'found next to the spec',
  bundled: 'the bundled default',
};

/** `Optional sections: History, Feature Liaison (from tests/test_titles.py).`, for the tooltip. */
export function optionalText(info: TemplateInfo): string {
  if (!info.optionalSections) return '';
  const titles = info.optionalSections.length > 0 ? info.optionalSections.join(', ') : 'none';
  const source = info.optionalSectionsSource;
  const from = source === 'setting' ? 'the rstSpecs.optionalSections setting' : source === 'default' || !source ? 'the default' : source;
  return `\nOptional sections: ${titles} (from ${from}).`;
}

export function registerTemplateStatus(context: ExtensionContext, client: BaseLanguageClient): void {
  const item = languages.createLanguageStatusItem('rst-specs.template', { language: 'restructuredtext' });
  item.name = 'rst-specs template';
  const notASpec = () => {
    item.text = 'Not a spec';
    item.detail = 'rst-specs checks the .rst files that rstSpecs.include selects';
    item.severity = LanguageStatusSeverity.Information;
    item.command = undefined;
  };
  notASpec();
  let asked = 0;

  const ask = async (uri: Uri): Promise<TemplateInfo | undefined> => {
    try {
      return await client.sendRequest<TemplateInfo>(TEMPLATE_FOR_REQUEST, { uri: client.code2ProtocolConverter.asUri(uri) });
    } catch {
      return undefined;
    }
  };

  const update = async (editor: TextEditor | undefined = window.activeTextEditor) => {
    const ticket = ++asked;
    // The item shows only for reStructuredText editors (its selector).
    if (!editor || editor.document.languageId !== 'restructuredtext') return;
    // Not busy: the question is asked again on each new set of diagnostics, so while typing too.
    const info = await ask(editor.document.uri);
    if (ticket !== asked) return; // a newer update is under way
    if (!info?.isSpec) {
      notASpec();
      return;
    }
    item.text = `$(file-code) ${info.origin === 'bundled' ? 'Senlin template' : (info.label ?? 'template')}`;
    // The optional sections and where they came from, on the same line (a detail is one line).
    const optional = optionalText(info).replace(/^\n/, ' ');
    item.detail = `${info.problem ? `${info.problem} The bundled template is used.` : ORIGIN[info.origin ?? 'found']}${optional}`;
    item.severity = info.problem ? LanguageStatusSeverity.Warning : LanguageStatusSeverity.Information;
    item.command = {
      title: 'Open Template',
      command: SHOW_TEMPLATE_COMMAND,
      tooltip: `Open ${info.origin === 'bundled' ? 'the bundled template' : info.label}`,
    };
  };

  context.subscriptions.push(
    item,
    window.onDidChangeActiveTextEditor((editor) => void update(editor)),
    // The template can change with the settings, a config file or the spec's own comment: the
    // diagnostics are published again each time, so ask again then.
    languages.onDidChangeDiagnostics((event) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) void update();
    }),
    commands.registerCommand(SHOW_TEMPLATE_COMMAND, async (target?: Uri) => {
      const uri = target instanceof Uri ? target : window.activeTextEditor?.document.uri;
      if (!uri) {
        void window.showInformationMessage('rst-specs: open a spec to see its template.');
        return undefined;
      }
      const info = await ask(uri);
      if (!info?.isSpec) {
        void window.showInformationMessage('rst-specs: this file is not checked as a spec.');
        return info;
      }
      const templateUri =
        info.origin === 'bundled'
          ? Uri.joinPath(context.extensionUri, 'server', 'templates', 'senlin-spec-template.rst')
          : Uri.parse(info.uri ?? '');
      await window.showTextDocument(templateUri, { preview: true });
      return info;
    }),
  );
  // Once the server runs (State.Running is 2), for the editor already open.
  context.subscriptions.push(client.onDidChangeState((event) => event.newState === 2 && void update()));
}
