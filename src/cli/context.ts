import { createTranslator, defaultLocale, isLocale, type Locale, type Translator } from '../i18n/index.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Shared state of one CLI run: the streams, the chosen language and the exit status. */
export class CliContext {
  exitCode = 0;
  locale: Locale = defaultLocale;
  private translators = new Map<Locale, Translator>();

  constructor(readonly io: CliIo) {}

  /** Sets the language from `--locale`; an unknown value is reported by the caller. */
  useLocale(value: unknown): boolean {
    if (!isLocale(value)) return false;
    this.locale = value;
    return true;
  }

  translator(locale: Locale = this.locale): Translator {
    let translator = this.translators.get(locale);
    if (!translator) {
      translator = createTranslator(locale);
      this.translators.set(locale, translator);
    }
    return translator;
  }

  t(key: string, params?: Record<string, unknown>): string {
    return this.translator().t(key, params);
  }

  out(text: string): void {
    this.io.stdout.write(text);
  }

  err(text: string): void {
    this.io.stderr.write(text);
  }
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}
