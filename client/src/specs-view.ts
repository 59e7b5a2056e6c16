// The Specs view in the Explorer: releases (newest first), approved/implemented, each spec by its
// title with its problem count; a badge with the problems of all specs; a filter "only specs with
// problems". The tree comes from the server's index (server/src/lsp/specs-index.ts).
import {
  commands,
  type Event,
  EventEmitter,
  type ExtensionContext,
  ThemeIcon,
  type TreeDataProvider,
  TreeItem,
  TreeItemCollapsibleState,
  window,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SPECS_CHANGED_NOTIFICATION, SPECS_TREE_REQUEST, type SpecsTreeParams } from '../../server/src/protocol';

export const SPECS_VIEW = 'rstSpecs.specs';
export const SPECS_VIEW_COMMANDS = {
  onlyProblems: 'rst-specs.specs.onlyProblems',
  allSpecs: 'rst-specs.specs.allSpecs',
  refresh: 'rst-specs.specs.refresh',
} as const;
const ONLY_PROBLEMS_CONTEXT = 'rstSpecs.onlyProblems';

interface Spec {
  readonly uri: string;
  readonly title: string;
  readonly release: string;
  readonly state: string;
  readonly errors: number;
  readonly problems: number;
}
interface State {
  readonly state: string;
  readonly problems: number;
  readonly specs: readonly Spec[];
}
interface Release {
  readonly release: string;
  readonly problems: number;
  readonly specCount: number;
  readonly states: readonly State[];
}
interface Tree {
  readonly releases: readonly Release[];
  readonly indexing: boolean;
  readonly specs: number;
}

export type Node = { kind: 'release'; release: Release } | { kind: 'state'; release: Release; state: State } | { kind: 'spec'; spec: Spec };

const problemsText = (problems: number) => (problems === 0 ? 'no problems' : problems === 1 ? '1 problem' : `${problems} problems`);

export class SpecsTree implements TreeDataProvider<Node> {
  private readonly emitter = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData: Event<Node | undefined> = this.emitter.event;
  onlyProblems = false;
  private tree: Tree | undefined;
  /** The newest release opens expanded (its approved specs too): what a reviewer looks at first. */
  private newest: string | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly onTree: (tree: Tree) => void,
  ) {}

  refresh(): void {
    this.tree = undefined;
    this.emitter.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      this.tree = await this.client.sendRequest<Tree>(SPECS_TREE_REQUEST, { onlyProblems: this.onlyProblems } satisfies SpecsTreeParams);
      this.onTree(this.tree);
      this.newest = this.tree.releases[0]?.release;
      return this.tree.releases.map((release) => ({ kind: 'release', release }));
    }
    if (node.kind === 'release') {
      // A release without approved/implemented folders (abandoned) lists its specs directly.
      const [only] = node.release.states;
      if (node.release.states.length === 1 && only.state === '') return only.specs.map((spec) => ({ kind: 'spec', spec }));
      return node.release.states.map((state) => ({ kind: 'state', release: node.release, state }));
    }
    if (node.kind === 'state') return node.state.specs.map((spec) => ({ kind: 'spec', spec }));
    return [];
  }

  getTreeItem(node: Node): TreeItem {
    if (node.kind === 'release') {
      const item = new TreeItem(
        node.release.release,
        node.release.release === this.newest ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.Collapsed,
      );
      item.description = `${node.release.specCount} spec${node.release.specCount === 1 ? '' : 's'} · ${problemsText(node.release.problems)}`;
      item.iconPath = new ThemeIcon(node.release.problems > 0 ? 'warning' : 'versions');
      item.contextValue = 'release';
      item.id = `release:${node.release.release}`;
      return item;
    }
    if (node.kind === 'state') {
      const open = node.release.release === this.newest && node.state.state === 'approved';
      const item = new TreeItem(node.state.state || 'other', open ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.Collapsed);
      item.description = `${node.state.specs.length} · ${problemsText(node.state.problems)}`;
      item.iconPath = new ThemeIcon(node.state.state === 'implemented' ? 'pass' : 'folder');
      item.id = `state:${node.release.release}/${node.state.state}`;
      return item;
    }
    const { spec } = node;
    const uri = this.client.protocol2CodeConverter.asUri(spec.uri);
    const item = new TreeItem(spec.title, TreeItemCollapsibleState.None);
    item.resourceUri = uri;
    item.description = spec.problems > 0 ? problemsText(spec.problems) : undefined;
    item.tooltip = `${uri.path.split('/').slice(-3).join('/')}\n${problemsText(spec.problems)}${spec.errors > 0 ? ` (${spec.errors} error${spec.errors === 1 ? '' : 's'})` : ''}`;
    item.iconPath = new ThemeIcon(spec.errors > 0 ? 'error' : spec.problems > 0 ? 'warning' : 'file');
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
    item.contextValue = 'spec';
    item.id = `spec:${spec.uri}`;
    return item;
  }
}

/** Registers the view; returns its tree (the extension's API gives it to the editor tests). */
export function registerSpecsView(context: ExtensionContext, client: BaseLanguageClient): SpecsTree {
  let view: ReturnType<typeof window.createTreeView<Node>> | undefined;
  const tree = new SpecsTree(client, (result) => {
    if (!view) return;
    const problems = result.releases.reduce((total, release) => total + release.problems, 0);
    view.badge = problems > 0 ? { value: problems, tooltip: `${problemsText(problems)} in ${result.specs} specs` } : undefined;
    view.message = result.indexing
      ? `Indexing specs… ${result.specs} so far`
      : result.releases.length === 0
        ? tree.onlyProblems
          ? 'No spec has problems.'
          : 'No specs/<release>/ folders in this workspace.'
        : undefined;
  });
  view = window.createTreeView(SPECS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const setFilter = (onlyProblems: boolean) => {
    tree.onlyProblems = onlyProblems;
    void commands.executeCommand('setContext', ONLY_PROBLEMS_CONTEXT, onlyProblems);
    tree.refresh();
  };
  context.subscriptions.push(
    view,
    commands.registerCommand(SPECS_VIEW_COMMANDS.onlyProblems, () => setFilter(true)),
    commands.registerCommand(SPECS_VIEW_COMMANDS.allSpecs, () => setFilter(false)),
    commands.registerCommand(SPECS_VIEW_COMMANDS.refresh, () => tree.refresh()),
    client.onNotification(SPECS_CHANGED_NOTIFICATION, () => tree.refresh()),
  );
  return tree;
}
