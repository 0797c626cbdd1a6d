/**
 * What turns `<news-article>`'s sources into what it shows: a run whenever any of its
 * arguments changes (checked as the element updates), each run with its own abort signal,
 * which a newer run aborts. Only the newest run's outcome counts. A run that finds nothing
 * to load returns `undefined` and leaves nothing to show.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type LoadStatus = 'initial' | 'pending' | 'complete' | 'error';

export class ArticleLoad<Args extends readonly unknown[], Value> implements ReactiveController {
  status: LoadStatus = 'initial';
  value: Value | undefined;
  error: unknown;

  readonly #host: ReactiveControllerHost;
  readonly #run: (args: Args, options: { signal: AbortSignal }) => Promise<Value | undefined>;
  readonly #args: () => Args;
  readonly #settled: (outcome: 'load' | 'error') => void;
  #previousArgs: Args | undefined;
  #abort: AbortController | undefined;
  #runs = 0;

  /** `settled`: called as a run ends with something to show (`load`) or fails (`error`), before the host updates. */
  constructor(
    host: ReactiveControllerHost,
    run: (args: Args, options: { signal: AbortSignal }) => Promise<Value | undefined>,
    args: () => Args,
    settled: (outcome: 'load' | 'error') => void,
  ) {
    (this.#host = host).addController(this);
    this.#run = run;
    this.#args = args;
    this.#settled = settled;
  }

  hostUpdate(): void {
    const args = this.#args();
    const previous = this.#previousArgs;
    if (!previous || args.some((arg, index) => !Object.is(arg, previous[index]))) void this.run();
  }

  /** Runs now with the current arguments; a run under way is aborted. */
  async run(): Promise<void> {
    const args = (this.#previousArgs = this.#args());
    this.abort();
    this.status = 'pending';
    this.#host.requestUpdate();
    const run = ++this.#runs;
    const abort = (this.#abort = new AbortController());
    let value: Value | undefined;
    let failed = false;
    try {
      value = await this.#run(args, { signal: abort.signal });
    } catch (error) {
      failed = true;
      this.error = error;
    }
    if (run !== this.#runs) return;
    this.#abort = undefined;
    if (failed || value !== undefined) this.#settled(failed ? 'error' : 'load');
    this.status = failed ? 'error' : value === undefined ? 'initial' : 'complete';
    if (value !== undefined) this.value = value;
    this.#host.requestUpdate();
  }

  /** Aborts the run under way, if any. */
  abort(): void {
    this.#abort?.abort();
  }
}
