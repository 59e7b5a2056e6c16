// "Check all specs" (the extension's Check All Specs in the Workspace): the server side, which
// checks spec files that need not be open and publishes their diagnostics.
import type { CancellationToken } from 'vscode-languageserver/node';
import { type DecodedSpec, decodeSpec } from '../encoding';
import type { SpecDiagnostic } from '../engine';
import { describeFsError, readRegularFileAsync, realPathOf, unresolvedReason } from '../node-files';
import { filePathOfUri, isWithin } from '../paths';
import type { ServerContext } from './context';
import { toClientDiagnostic } from './server';
import { capDiagnostics } from './diagnostics-cap';
import { throwIfCancelled } from './cancellation';
import { clientPositions } from './client-positions';

/** Problems by rule, for the summary of a workspace check: how many, and how grave the gravest. */
type RuleTally = Record<string, { count: number; severity: SpecDiagnostic['severity'] }>;

const GRAVITY: readonly SpecDiagnostic['severity'][] = ['error', 'warning', 'information', 'hint'];

function tally(byRule: RuleTally, diagnostics: readonly SpecDiagnostic[]): void {
  for (const { code, severity } of diagnostics) {
    const entry = (byRule[code] ??= { count: 0, severity });
    entry.count++;
    if (GRAVITY.indexOf(severity) < GRAVITY.indexOf(entry.severity)) entry.severity = severity;
  }
}

/**
 * "Check all specs": each real file once, at its real path. A file reached through a symbolic link
 * (`doc/source/specs/<release>/approved` → `specs/<release>/approved`) is left to its real path,
 * which the client lists too; one whose real path is outside the workspace folders is not read.
 * Only regular files are read, up to MAX_FILE_BYTES; each that cannot be read is named once in
 * `unreadable`, and the others are still checked. A URI that is not a file's is skipped alone.
 */
export async function checkFiles(context: ServerContext, uris: readonly string[], pushed: Set<string>, token: CancellationToken) {
  let specs = 0;
  let problems = 0;
  const byRule: RuleTally = {};
  const unreadable: string[] = [];
  const seen = new Set<string>();
  const folders = context.workspaceFolders().map((folder) => ({ folder, real: realPathOf(folder) }));
  for (const uri of uris) {
    const filePath = filePathOfUri(uri);
    // Specs of the workspace only: a file elsewhere is not read (nor a config file looked for above it).
    if (filePath === undefined || !context.workspaceFolderOf(filePath) || seen.has(filePath)) continue;
    seen.add(filePath);
    const isOpen = context.documents.get(uri) !== undefined;
    const real = realPathOf(filePath);
    if (real === undefined && !isOpen) {
      if (filePath.endsWith('.rst')) unreadable.push(`${filePath}: ${unresolvedReason(filePath)}`);
      continue;
    }
    // The real path, as seen through the workspace folder that holds it (a folder may itself be a
    // link); an open document that is not on disk (yet) is checked as the editor has it.
    if (real !== undefined) {
      const holder = folders
        .filter((entry) => entry.real !== undefined && isWithin(real, entry.real))
        .sort((a, b) => b.folder.length - a.folder.length)[0];
      if (!holder?.real || `${holder.folder}${real.slice(holder.real.length)}` !== filePath) continue;
    }
    const settings = await context.settingsFor(uri, token);
    const setup = await context.environment.setup(uri, '', settings, (file) => context.workspaceFolderOf(file));
    throwIfCancelled(token);
    if (!setup.isSpec) continue;
    if (isOpen) {
      specs++;
      // Open documents are checked (and their diagnostics shown) as they are edited.
      const open = (await context.stateOf(uri, token))?.spec?.diagnostics ?? [];
      problems += open.length;
      tally(byRule, open);
      continue;
    }
    let decoded: DecodedSpec;
    try {
      // Not 'utf8': a file that is not UTF-8 gets one `encoding` diagnostic (encoding.ts).
      decoded = decodeSpec(await readRegularFileAsync(filePath));
    } catch (error) {
      unreadable.push(`${filePath}: ${describeFsError(error)}`);
      continue;
    }
    throwIfCancelled(token);
    const analysis = context.environment.analyze(setup, decoded.text, decoded.undecodable);
    if (!analysis) continue;
    specs++;
    problems += analysis.diagnostics.length;
    tally(byRule, analysis.diagnostics);
    pushed.add(uri);
    // As the editor will count them: without the BOM (VS Code drops it), lines ended as editors end them.
    const positions = clientPositions({ hasBom: false, lines: analysis.doc.lines });
    await context.connection.sendDiagnostics({
      uri,
      diagnostics: capDiagnostics(analysis.diagnostics).map((d) => toClientDiagnostic(d, positions)),
    });
  }
  return { checked: uris.length, specs, problems, byRule, unreadable };
}
