// The `rstSpecs` settings of each document, asked of the client (workspace/configuration) once and
// kept until they change. A client that does not answer in time must not stall the document's
// checks and features: after the timeout the defaults are used (with one warning), and a late
// answer still applies (`onLateAnswer` re-checks the document).
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

export const DEFAULT_CONFIGURATION_TIMEOUT_MS = 2000;

type Console = Pick<Connection['console'], 'warn' | 'error'>;
type AskClient = (uri: string) => Promise<unknown>;

export class ClientSettings {
  private readonly cache = new Map<string, Settings>();
  /** One request per URI at a time; its entry goes when it is answered or the settings change. */
  private readonly pending = new Map<string, Promise<Settings>>();
  /** Whether the client answers workspace/configuration (its capability). */
  enabled = false;
  /** How long to wait for an answer, in milliseconds (the tests shorten it: see startServer). */
  timeoutMs = DEFAULT_CONFIGURATION_TIMEOUT_MS;

  constructor(
    private readonly askClient: AskClient,
    private readonly console: Console,
    /** Told the URIs whose settings came after the defaults were used for them. */
    private readonly onLateAnswer: (uri: string) => void,
  ) {}

  get(uri: string): Promise<Settings> {
    const cached = this.cache.get(uri);
    if (cached) return Promise.resolve(cached);
    if (!this.enabled) {
      this.cache.set(uri, DEFAULT_SETTINGS);
      return Promise.resolve(DEFAULT_SETTINGS);
    }
    let request = this.pending.get(uri);
    if (!request) {
      request = this.request(uri);
      this.pending.set(uri, request);
    }
    return request;
  }

  /** The settings changed: every document asks again. */
  clear(): void {
    this.cache.clear();
    this.pending.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.pending.delete(uri);
  }

  private request(uri: string): Promise<Settings> {
    let settle!: (settings: Settings) => void;
    const result = new Promise<Settings>((resolve) => (settle = resolve));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.console.warn(
        `rst-specs: the client did not answer workspace/configuration for ${uri} within ${this.timeoutMs} ms ` +
          '(the timeout); the default settings are used until it does.',
      );
      settle(DEFAULT_SETTINGS);
    }, this.timeoutMs);
    const answered = (settings: Settings) => {
      clearTimeout(timer);
      // An answer to a request made before the settings changed (or the document closed) is not kept.
      const current = this.pending.get(uri) === result;
      if (current) {
        this.pending.delete(uri);
        this.cache.set(uri, settings);
      }
      if (!timedOut) settle(settings);
      else if (current) this.onLateAnswer(uri);
    };
    this.askClient(uri).then(
      (raw) => {
        const read = readSettings(raw);
        for (const problem of read.problems) this.console.warn(problem);
        answered(read.settings);
      },
      (error) => {
        this.console.error(`Cannot read the rstSpecs settings: ${error}`);
        answered(DEFAULT_SETTINGS);
      },
    );
    return result;
  }
}
